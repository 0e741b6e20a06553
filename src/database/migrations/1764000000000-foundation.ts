import { MigrationInterface, QueryRunner } from 'typeorm';

/** Job bookkeeping: the reference's job_status / download_job plus the columns a retrying queue needs. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_status (
        job_status_id integer PRIMARY KEY,
        name text NOT NULL UNIQUE,
        description text NOT NULL,
        create_date timestamptz NOT NULL DEFAULT now(),
        update_date timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO job_status (job_status_id, name, description) VALUES
        (1, 'ready', 'job is ready to be run'),
        (2, 'running', 'job is currently in progress'),
        (3, 'finished', 'job is complete'),
        (4, 'failed', 'job failed to complete'),
        (5, 'queued', 'job sent to queue for async processing'),
        (6, 'resumed', 'job is being reprocessed after a failure'),
        (7, 'created', 'job product has been created and stored locally'),
        (8, 'uploading', 'job is being uploaded to public storage')`);
    await queryRunner.query(`
      CREATE TABLE download_job (
        download_job_id serial PRIMARY KEY,
        job_status_id integer NOT NULL REFERENCES job_status (job_status_id),
        file_name text NOT NULL,
        file_size bigint,
        number_of_rows bigint,
        number_of_columns integer,
        error_message text,
        create_date timestamptz NOT NULL DEFAULT now(),
        update_date timestamptz NOT NULL DEFAULT now(),
        monthly_download boolean NOT NULL DEFAULT false,
        json_request text NOT NULL,
        request_type text NOT NULL,
        request_hash text NOT NULL,
        attempt_count integer NOT NULL DEFAULT 0,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX download_job_file_name_key ON download_job (file_name)`);
    await queryRunner.query(
      `CREATE INDEX download_job_request_hash_idx ON download_job (request_hash, update_date)`,
    );
    await queryRunner.query(`CREATE INDEX download_job_status_idx ON download_job (job_status_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE download_job`);
    await queryRunner.query(`DROP TABLE job_status`);
  }
}
