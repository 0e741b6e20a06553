import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Completion callbacks, per requester: the `callback_url` given with the request, and the delivery state
 * (attempts, when the next is due, when it was delivered or given up). The partial index is the dispatcher's
 * path to the deliveries still owed.
 */
export class DownloadCallbacks1764000000990 implements MigrationInterface {
  name = 'DownloadCallbacks1764000000990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE download_requester
        ADD COLUMN callback_url text,
        ADD COLUMN callback_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN callback_next_at timestamptz,
        ADD COLUMN callback_delivered_at timestamptz,
        ADD COLUMN callback_given_up_at timestamptz,
        ADD COLUMN callback_last_error text`);
    await queryRunner.query(`
      CREATE INDEX download_requester_callback_due_idx ON download_requester (callback_next_at)
      WHERE callback_url IS NOT NULL AND callback_delivered_at IS NULL AND callback_given_up_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX download_requester_callback_due_idx`);
    await queryRunner.query(`
      ALTER TABLE download_requester
        DROP COLUMN callback_url, DROP COLUMN callback_attempts, DROP COLUMN callback_next_at,
        DROP COLUMN callback_delivered_at, DROP COLUMN callback_given_up_at, DROP COLUMN callback_last_error`);
  }
}
