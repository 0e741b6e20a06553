import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table the per-award File C aggregates read (financial_accounts_by_awards and its lookups). */
const WATCHED_TABLES = [
  'financial_accounts_by_awards',
  'submission_attributes',
  'dabs_submission_window_schedule',
  'treasury_appropriation_account',
  'federal_account',
  'object_class',
  'ref_program_activity',
  'disaster_emergency_fund_code',
];

/**
 * `faba_award_summary`: the per-award File C (FABA) aggregates of the award, transaction and subaward files,
 * precomputed once per data load instead of once per downloaded row (see src/data-model/faba-award-summary.ts).
 *
 * Whether it is current is decided without locks: a statement-level trigger on every table the aggregates
 * read draws a number from `faba_award_summary_changes` (sequences are not transactional, so concurrent
 * loads never wait on each other), and the state row remembers the number a refresh started from. A change
 * since, even one rolled back, only makes downloads compute the values live again until the next refresh.
 */
export class FabaAwardSummary1764000000900 implements MigrationInterface {
  name = 'FabaAwardSummary1764000000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE faba_award_summary (
        award_id bigint PRIMARY KEY,
        treasury_accounts text,
        federal_accounts text,
        object_classes text,
        object_classes_unguarded text,
        program_activities text,
        def_codes text,
        covid_19_outlays numeric,
        covid_19_obligations numeric,
        infrastructure_outlays numeric,
        infrastructure_obligations numeric,
        total_outlays numeric
      )`);
    await queryRunner.query(`CREATE SEQUENCE faba_award_summary_changes`);
    await queryRunner.query(`
      CREATE TABLE faba_award_summary_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        changes_seen bigint,
        revealed_windows text,
        refreshed_at timestamptz
      )`);
    await queryRunner.query(`INSERT INTO faba_award_summary_state (id) VALUES (true)`);
    await queryRunner.query(`
      CREATE FUNCTION faba_award_summary_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('faba_award_summary_changes');
        RETURN NULL;
      END $$`);
    for (const table of WATCHED_TABLES) {
      await queryRunner.query(`
        CREATE TRIGGER faba_award_summary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION faba_award_summary_changed()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of WATCHED_TABLES) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS faba_award_summary_changed ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS faba_award_summary_changed()`);
    await queryRunner.query(`DROP TABLE IF EXISTS faba_award_summary_state`);
    await queryRunner.query(`DROP SEQUENCE IF EXISTS faba_award_summary_changes`);
    await queryRunner.query(`DROP TABLE IF EXISTS faba_award_summary`);
  }
}
