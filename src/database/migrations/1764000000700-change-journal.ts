import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What monthly delta archives need to say what changed since the previous one:
 *
 * - `transaction_search.create_date`: when this database first stored the transaction. A delta marks a row `C`
 *   (corrected) when it existed before the delta's window, and leaves the indicator empty for a new one.
 * - `transaction_delete_journal`: one row per deleted transaction with the key columns a delta's `D` rows carry
 *   (the reference splits them out of the unique key of its broker's deletion files). A statement trigger with
 *   a transition table fills it, so every DELETE (importer, scripts, manual fixes) is journaled at the cost of
 *   one INSERT ... SELECT per statement; the seeder, which TRUNCATEs, journals the keys it drops itself.
 *   The same trigger marks the awards data as changed, so the same-request cache stops serving older files.
 * - Unique keys of transactions (per kind): the importer upserts on them and deltas look deleted keys up.
 */
export class ChangeJournal1764000000700 implements MigrationInterface {
  name = 'ChangeJournal1764000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE transaction_search ADD COLUMN create_date timestamptz NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`
      CREATE TABLE transaction_delete_journal (
        journal_id bigserial PRIMARY KEY,
        is_fpds boolean NOT NULL,
        transaction_unique_key text NOT NULL,
        awarding_toptier_agency_code text,
        agency_id text,
        awarding_sub_agency_code text,
        parent_award_agency_id text,
        award_id_piid text,
        modification_number text,
        parent_award_id_piid text,
        transaction_number text,
        award_id_fain text,
        award_id_uri text,
        cfda_number text,
        deleted_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX transaction_delete_journal_deleted_at_idx ON transaction_delete_journal (deleted_at)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX transaction_search_contract_key_idx ON transaction_search (detached_award_proc_unique) WHERE is_fpds`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX transaction_search_assistance_key_idx ON transaction_search (afa_generated_unique) WHERE NOT is_fpds`,
    );
    await queryRunner.query(`
      CREATE FUNCTION journal_transaction_deletes() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO transaction_delete_journal (${JOURNAL_COLUMNS})
        SELECT ${JOURNAL_VALUES} FROM gone;
        IF FOUND THEN
          INSERT INTO external_data_load_date (load_type, last_load_date) VALUES ('awards', clock_timestamp())
          ON CONFLICT (load_type) DO UPDATE SET last_load_date = EXCLUDED.last_load_date;
        END IF;
        RETURN NULL;
      END $fn$`);
    await queryRunner.query(`
      CREATE TRIGGER transaction_search_delete_journal AFTER DELETE ON transaction_search
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION journal_transaction_deletes()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER transaction_search_delete_journal ON transaction_search`);
    await queryRunner.query(`DROP FUNCTION journal_transaction_deletes()`);
    await queryRunner.query(`DROP INDEX transaction_search_assistance_key_idx`);
    await queryRunner.query(`DROP INDEX transaction_search_contract_key_idx`);
    await queryRunner.query(`DROP TABLE transaction_delete_journal`);
    await queryRunner.query(`ALTER TABLE transaction_search DROP COLUMN create_date`);
  }
}

/** Journal columns, in the order of JOURNAL_VALUES (shared with the seeder's own journaling). */
export const JOURNAL_COLUMNS = [
  'is_fpds',
  'transaction_unique_key',
  'awarding_toptier_agency_code',
  'agency_id',
  'awarding_sub_agency_code',
  'parent_award_agency_id',
  'award_id_piid',
  'modification_number',
  'parent_award_id_piid',
  'transaction_number',
  'award_id_fain',
  'award_id_uri',
  'cfda_number',
  'deleted_at',
].join(', ');

/**
 * The journal row of a transaction_search row (unqualified column names). A contract's `agency_id` is the
 * first part of its unique key, as the reference's delta derives it.
 */
export const JOURNAL_VALUES = [
  'is_fpds',
  'CASE WHEN is_fpds THEN detached_award_proc_unique ELSE afa_generated_unique END',
  'awarding_toptier_agency_code',
  "CASE WHEN is_fpds THEN split_part(detached_award_proc_unique, '_', 1) END",
  'awarding_sub_tier_agency_c',
  'referenced_idv_agency_iden',
  'piid',
  'modification_number',
  'parent_award_id',
  'transaction_number',
  'fain',
  'uri',
  'cfda_number',
  'clock_timestamp()',
].join(', ');
