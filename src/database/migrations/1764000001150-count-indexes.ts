import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Narrow btree indexes that let a count over many matching rows read an index alone (an index-only scan,
 * parallel) instead of visiting the rows of the wide prime tables, for the two filters a bitmap cannot
 * serve cheaply when they match a large share of the table:
 *
 * - recipient search (`lower(recipient_name) LIKE`, or the UEI/DUNS equalities): a common word such as
 *   "LLC" matches a tenth of the rows; the trigram bitmap then rechecks every one of them in the table.
 *   The index holds the lowered name next to the columns the condition reads.
 * - business categories (`business_categories && ARRAY[...]`): the commonest category is in a third of
 *   the rows, and a GIN index cannot answer without the rows.
 *
 * All key columns (no INCLUDE), so btree deduplication keeps the recipient index a few MB. The trigram
 * index on recipient_name becomes one on lower(recipient_name): the condition is written with lower() so
 * that the recipient index can answer it (award-filter-sql.util.ts), and a selective search still takes
 * the trigram bitmap.
 */
export class CountIndexes1764000001150 implements MigrationInterface {
  name = 'CountIndexes1764000001150';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP INDEX ${table}_recipient_name_trgm_idx`);
      await queryRunner.query(
        `CREATE INDEX ${table}_lower_recipient_name_trgm_idx ON ${table} USING gin (lower(recipient_name) gin_trgm_ops)`,
      );
      await queryRunner.query(
        `CREATE INDEX ${table}_recipient_count_idx ON ${table} ` +
          '(lower(recipient_name), recipient_name, recipient_uei, recipient_unique_id, is_fpds)',
      );
      await queryRunner.query(
        `CREATE INDEX ${table}_business_categories_count_idx ON ${table} (business_categories, is_fpds)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP INDEX ${table}_business_categories_count_idx`);
      await queryRunner.query(`DROP INDEX ${table}_recipient_count_idx`);
      await queryRunner.query(`DROP INDEX ${table}_lower_recipient_name_trgm_idx`);
      await queryRunner.query(
        `CREATE INDEX ${table}_recipient_name_trgm_idx ON ${table} USING gin (recipient_name gin_trgm_ops)`,
      );
    }
  }
}

const TABLES = ['transaction_search', 'award_search'];
