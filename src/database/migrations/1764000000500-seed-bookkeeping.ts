import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk seeding drops secondary indexes and rebuilds them after the load. Their definitions are parked
 * here first, so a seed killed half-way is repaired by the next run instead of leaving the tables
 * without the indexes the migrations created.
 */
export class SeedBookkeeping1764000000500 implements MigrationInterface {
  name = 'SeedBookkeeping1764000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE seed_dropped_index (
        index_name text PRIMARY KEY,
        table_name text NOT NULL,
        definition text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE seed_dropped_index`);
  }
}
