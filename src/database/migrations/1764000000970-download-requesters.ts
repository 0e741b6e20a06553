import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per answer to a download request: the requester's cancel token (only its SHA-256 is kept, so the
 * table cannot be used to cancel other people's downloads) and whether that requester has cancelled. A job
 * the same-request cache hands to several requesters has several rows; it is cancelled when all have.
 */
export class DownloadRequesters1764000000970 implements MigrationInterface {
  name = 'DownloadRequesters1764000000970';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE download_requester (
        download_requester_id bigserial PRIMARY KEY,
        download_job_id integer NOT NULL REFERENCES download_job (download_job_id) ON DELETE CASCADE,
        cancel_token_sha256 text NOT NULL UNIQUE,
        cancelled_at timestamptz,
        create_date timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX download_requester_job_idx ON download_requester (download_job_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE download_requester`);
  }
}
