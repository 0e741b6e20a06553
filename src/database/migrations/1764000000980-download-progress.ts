import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress of a running download beyond `number_of_rows`: the rows expected (counted or estimated), the files
 * of the plan done and in all, a percentage and the seconds left. `files_done` and `progress_percent` only
 * grow (a retried attempt starts its rows again, the client's progress bar does not go back).
 */
export class DownloadProgress1764000000980 implements MigrationInterface {
  name = 'DownloadProgress1764000000980';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE download_job
        ADD COLUMN rows_expected bigint,
        ADD COLUMN files_done integer,
        ADD COLUMN files_total integer,
        ADD COLUMN progress_percent double precision,
        ADD COLUMN seconds_remaining integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE download_job
        DROP COLUMN rows_expected, DROP COLUMN files_done, DROP COLUMN files_total,
        DROP COLUMN progress_percent, DROP COLUMN seconds_remaining`);
  }
}
