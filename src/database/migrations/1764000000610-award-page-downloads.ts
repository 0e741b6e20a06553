import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the single-award, disaster and unlinked-award downloads read beyond the first schema:
 *
 * - `parent_award`: one row per IDV with its parent IDV (NULL for a top IDV). The IDV download finds the
 *   IDV's child IDVs here, then every award ordered off the IDV or off one of those children by PIID and
 *   agency (`award_search.parent_award_piid` + `fpds_parent_agency_id` against the parent's `piid` +
 *   `fpds_agency_id`). The counters and totals mirror the reference's table; no download reads them.
 *   No foreign keys, like the other award tables: they are reloaded in bulk.
 * - award-level File C aggregates on `award_search` (COVID-19 and IIJA outlays and obligations), which
 *   decide which awards the COVID-19 profile download lists, and the FPDS agency ids of the hierarchy.
 * - `subaward_search.sub_place_of_perform_street`, a column of the COVID-19 profile's subaward files.
 *
 * Indexes: each one serves a lookup the new routes run (plans checked with EXPLAIN on a 240,000-award
 * database: docs/award-page-downloads.md, scripts/bench/explain-new-routes.ts).
 */
export class AwardPageDownloads1764000000610 implements MigrationInterface {
  name = 'AwardPageDownloads1764000000610';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE award_search
        ADD COLUMN fpds_agency_id text,
        ADD COLUMN fpds_parent_agency_id text,
        ADD COLUMN total_covid_outlay numeric(23,2),
        ADD COLUMN total_covid_obligation numeric(23,2),
        ADD COLUMN total_iija_outlay numeric(23,2),
        ADD COLUMN total_iija_obligation numeric(23,2)`);
    await queryRunner.query(`ALTER TABLE subaward_search ADD COLUMN sub_place_of_perform_street text`);
    await queryRunner.query(`
      CREATE TABLE parent_award (
        award_id bigint PRIMARY KEY,
        generated_unique_award_id text NOT NULL UNIQUE,
        parent_award_id bigint,
        direct_idv_count integer NOT NULL,
        direct_contract_count integer NOT NULL,
        direct_total_obligation numeric(23,2) NOT NULL,
        direct_base_and_all_options_value numeric(23,2) NOT NULL,
        direct_base_exercised_options_val numeric(23,2) NOT NULL,
        rollup_idv_count integer NOT NULL,
        rollup_contract_count integer NOT NULL,
        rollup_total_obligation numeric(23,2) NOT NULL,
        rollup_base_and_all_options_value numeric(23,2) NOT NULL,
        rollup_base_exercised_options_val numeric(23,2) NOT NULL
      )`);
    for (const statement of INDEXES) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of INDEX_NAMES) await queryRunner.query(`DROP INDEX ${name}`);
    await queryRunner.query(`DROP TABLE parent_award`);
    await queryRunner.query(`ALTER TABLE subaward_search DROP COLUMN sub_place_of_perform_street`);
    await queryRunner.query(`
      ALTER TABLE award_search
        DROP COLUMN fpds_agency_id, DROP COLUMN fpds_parent_agency_id,
        DROP COLUMN total_covid_outlay, DROP COLUMN total_covid_obligation,
        DROP COLUMN total_iija_outlay, DROP COLUMN total_iija_obligation`);
  }
}

const INDEX_DEFINITIONS: Record<string, string> = {
  // The IDV's child IDVs (parent_award.parent_award_id = the IDV).
  parent_award_parent_award_id_idx: 'parent_award (parent_award_id)',
  // The awards ordered off an IDV: matched on the parent's PIID and agency.
  award_search_parent_award_idx: 'award_search (parent_award_piid, fpds_parent_agency_id)',
  // The disaster downloads' DEFC rule on awards (and the def_codes filter of Advanced Search awards).
  award_search_def_codes_idx: 'award_search USING gin (disaster_emergency_fund_codes)',
  // The unlinked-awards archives: one agency's awards at a time (its File C rows come through its accounts).
  award_search_awarding_toptier_idx: 'award_search (awarding_toptier_agency_code)',
  // The recipient file's File C rows of some DEFCs, submission by submission.
  faba_defc_submission_idx: 'financial_accounts_by_awards (disaster_emergency_fund_code, submission_id)',
  // The COVID-19 download's account balances: one DEFC at a time, latest period of each year.
  gtas_defc_period_idx: 'gtas_sf133_balances (disaster_emergency_fund_code, fiscal_year, fiscal_period)',
  // The newest pre-generated COVID-19 profile (the predicate is the lookup's, so the planner proves it).
  download_job_covid_profile_idx: `download_job (update_date) WHERE file_name LIKE 'COVID-19\\_Profile%'`,
  // Archive listings look names up by prefix; outside the C locale only pattern_ops serves LIKE 'prefix%'.
  download_job_archive_name_idx: 'download_job (file_name text_pattern_ops) WHERE monthly_download',
};

const INDEX_NAMES = Object.keys(INDEX_DEFINITIONS);

const INDEXES = Object.entries(INDEX_DEFINITIONS).map(
  ([name, definition]) => `CREATE INDEX ${name} ON ${definition}`,
);
