import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan fixes found at 10 million transactions, where the planner's choices differ from those at 1 million:
 *
 * - **award_id distinct counts.** ANALYZE samples 30,000 rows; a table whose rows are clustered by award
 *   (each award's transactions load together) then looks as if it had ~60,000 awards whatever its size, so
 *   `award_id IN (<a few thousand File C awards>)` is estimated at hundreds of thousands of transactions and
 *   planned as a hash join over a sequential scan of the whole table (8 s at 10M for `def_codes: ["L"]`,
 *   0.4 s with the index). A fixed share of the rows (a negative n_distinct) follows the table's growth; the
 *   value only needs the right order of magnitude (USAspending has a few transactions per award).
 * - **Location indexes an index-only scan can use.** The filters compare `upper(country)` / `upper(state)`;
 *   an expression index alone cannot answer a count (the planner wants the raw columns too), so the planner
 *   preferred reading every entry of the raw-column index (3.4 s at 10M for one state). The expression
 *   indexes now carry the raw columns and `is_fpds`.
 * - **Foreign scope.** `country < 'USA' OR country > 'USA'` cannot be one index range; a partial index with
 *   exactly that predicate holds only the foreign rows.
 */
export class ScalePlanFixes1764000001250 implements MigrationInterface {
  name = 'ScalePlanFixes1764000001250';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, share] of Object.entries(AWARD_ID_SHARE)) {
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN award_id SET (n_distinct = ${-share})`);
      await queryRunner.query(`ANALYZE ${table} (award_id)`);
    }
    for (const table of PRIME_TABLES) {
      for (const [prefix, location] of Object.entries(LOCATIONS)) {
        await queryRunner.query(`DROP INDEX ${table}_${prefix}_upper_county_idx`);
        await queryRunner.query(
          `CREATE INDEX ${table}_${prefix}_upper_county_idx ON ${table} ` +
            `(upper(${location}_country_code), upper(${location}_state_code), ${location}_county_code) ` +
            `INCLUDE (${location}_country_code, ${location}_state_code, is_fpds)`,
        );
        await queryRunner.query(
          `CREATE INDEX ${table}_${prefix}_foreign_idx ON ${table} (is_fpds) ` +
            `WHERE (${location}_country_code < 'USA' OR ${location}_country_code > 'USA')`,
        );
      }
      // New expression indexes have no statistics until the table is analyzed: until then a state is
      // estimated at a few hundred rows and the planner picks plans for that.
      await queryRunner.query(`ANALYZE ${table}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PRIME_TABLES) {
      for (const [prefix, location] of Object.entries(LOCATIONS)) {
        await queryRunner.query(`DROP INDEX ${table}_${prefix}_foreign_idx`);
        await queryRunner.query(`DROP INDEX ${table}_${prefix}_upper_county_idx`);
        await queryRunner.query(
          `CREATE INDEX ${table}_${prefix}_upper_county_idx ON ${table} ` +
            `(upper(${location}_country_code), upper(${location}_state_code), ${location}_county_code)`,
        );
      }
    }
    for (const table of Object.keys(AWARD_ID_SHARE))
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN award_id RESET (n_distinct)`);
  }
}

/** Distinct awards as a share of the rows, about what the seeded data and USAspending's have. */
const AWARD_ID_SHARE: Record<string, number> = {
  transaction_search: 0.2,
  subaward_search: 0.25,
  financial_accounts_by_awards: 0.25,
};

const PRIME_TABLES = ['transaction_search', 'award_search'];

/** Index name prefix → column prefix. */
const LOCATIONS: Record<string, string> = {
  recipient_location: 'recipient_location',
  pop: 'pop',
};
