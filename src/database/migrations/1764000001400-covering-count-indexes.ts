import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two counts that read the table row by row at 10M transactions (`npm run bench:scale`), answered from an
 * index alone now:
 *
 * - an agency at subtier level (`<awarding|funding>_subtier_agency_name = ... AND ..._toptier_agency_name
 *   = ...`): the subtier indexes lacked the file flag every count splits on (`is_fpds`), unlike the other
 *   prime-table btree indexes, so a subtier with 191,384 transactions took ~2 s cold, fetching 94,000 pages;
 * - the website's place of performance state within a fiscal year: two bitmaps (state, dates) ANDed and
 *   rechecked in the table, ~1 s cold for 10,000 rows. One index on (country, state, action date) carries the
 *   raw columns beside the upper() keys so that an index-only scan can evaluate the condition.
 */
export class CoveringCountIndexes1764000001400 implements MigrationInterface {
  name = 'CoveringCountIndexes1764000001400';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of PRIME_TABLES) {
      for (const side of AGENCY_SIDES) {
        await queryRunner.query(`DROP INDEX ${table}_${side}_subtier_idx`);
        await queryRunner.query(
          `CREATE INDEX ${table}_${side}_subtier_idx ON ${table} ${subtierKey(side)} INCLUDE (is_fpds)`,
        );
      }
    }
    await queryRunner.query(
      `CREATE INDEX transaction_search_pop_state_date_idx ON transaction_search
       (upper(pop_country_code), upper(pop_state_code), action_date) INCLUDE (pop_country_code, pop_state_code, is_fpds)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX transaction_search_pop_state_date_idx');
    for (const table of PRIME_TABLES) {
      for (const side of AGENCY_SIDES) {
        await queryRunner.query(`DROP INDEX ${table}_${side}_subtier_idx`);
        await queryRunner.query(`CREATE INDEX ${table}_${side}_subtier_idx ON ${table} ${subtierKey(side)}`);
      }
    }
  }
}

const PRIME_TABLES = ['transaction_search', 'award_search'];
const AGENCY_SIDES = ['awarding', 'funding'] as const;

function subtierKey(side: (typeof AGENCY_SIDES)[number]): string {
  return `(${side}_subtier_agency_name, ${side}_toptier_agency_name)`;
}
