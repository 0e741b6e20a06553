import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of requested downloads: `expires_at` is set when a requested download finishes (archives and
 * pre-generated files keep NULL: each run replaces them); `file_removed_at` when the sweep has deleted the
 * file from storage. The partial index is the sweep's path to the files still to delete.
 */
export class DownloadRetention1764000000960 implements MigrationInterface {
  name = 'DownloadRetention1764000000960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE download_job
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN file_removed_at timestamptz`);
    await queryRunner.query(`
      CREATE INDEX download_job_expiring_idx ON download_job (expires_at)
      WHERE expires_at IS NOT NULL AND file_removed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX download_job_expiring_idx`);
    await queryRunner.query(`ALTER TABLE download_job DROP COLUMN expires_at, DROP COLUMN file_removed_at`);
  }
}
