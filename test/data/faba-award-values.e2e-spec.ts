import { ClientBase, escapeLiteral } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { CatalogKey } from '../../src/catalog/catalog.types';
import { buildSelectSql, permalinkPrefix, SelectSqlOptions } from '../../src/catalog/select-sql.util';
import { refreshFabaAwardSummary } from '../../src/data-model/faba-award-summary';
import { seedSmallDatasetWith } from '../../tools/seed/seed-small-dataset';
import { SYNTHETIC_TABLES } from '../../tools/seed/synthetic/synthetic-seeder';
import { openMigratedDataSource } from '../support/test-database';
import { oracleExpression } from './faba-award-oracle';

const KEYS: CatalogKey[] = [
  'award.d1',
  'award.d2',
  'transaction.d1',
  'transaction.d2',
  'sub_award.d1',
  'sub_award.d2',
];
const HOST = 'www.usaspending.gov';
const DEF_CODES = ['L', 'Z', 'Q'];

/**
 * Cases the regular seed never produces, so that every branch of the old expressions is exercised:
 * unrevealed and unplaceable periods (FABA_CLOSED), flipped final-balance flags (FABA_FINAL), NULL
 * amounts (NULL vs 0), missing lookups (inner vs left join), NULL lookup names (CONCAT) and award ids
 * that urlencode() has to encode.
 */
const EDGE_CASES = [
  `UPDATE dabs_submission_window_schedule SET submission_reveal_date = now() + INTERVAL '30 days'
     WHERE (NOT is_quarter AND submission_fiscal_month > 6) OR (is_quarter AND submission_fiscal_quarter > 2)`,
  'UPDATE submission_attributes SET reporting_fiscal_period = NULL WHERE submission_id % 11 = 0',
  'UPDATE submission_attributes SET reporting_fiscal_year = 2035 WHERE submission_id % 13 = 0',
  'UPDATE submission_attributes SET is_final_balances_for_fy = NOT is_final_balances_for_fy WHERE submission_id % 7 = 0',
  `UPDATE financial_accounts_by_awards SET gross_outlay_amount_by_award_cpe = NULL,
     ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe = NULL,
     ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe = NULL WHERE financial_accounts_by_awards_id % 5 = 0`,
  `UPDATE financial_accounts_by_awards SET gross_outlay_amount_by_award_cpe = NULL,
     ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe = 12.50 WHERE financial_accounts_by_awards_id % 5 = 1`,
  'UPDATE financial_accounts_by_awards SET transaction_obligated_amount = NULL WHERE financial_accounts_by_awards_id % 6 = 2',
  'UPDATE financial_accounts_by_awards SET object_class_id = NULL WHERE financial_accounts_by_awards_id % 4 = 0',
  'UPDATE financial_accounts_by_awards SET program_activity_id = NULL WHERE financial_accounts_by_awards_id % 4 = 1',
  'UPDATE financial_accounts_by_awards SET treasury_account_id = NULL WHERE financial_accounts_by_awards_id % 9 = 0',
  `UPDATE financial_accounts_by_awards SET disaster_emergency_fund_code = (ARRAY['L', 'Z', '1', 'Q', NULL])[financial_accounts_by_awards_id % 5 + 1]
     WHERE financial_accounts_by_awards_id % 3 = 0`,
  'UPDATE treasury_appropriation_account SET tas_rendering_label = NULL WHERE treasury_account_identifier % 8 = 0',
  'UPDATE federal_account SET federal_account_code = NULL WHERE id % 8 = 0',
  'UPDATE ref_program_activity SET program_activity_name = NULL WHERE id % 4 = 0',
  // Subawards reference few awards: give theirs DEF codes and dates past the COVID/IIJA gates.
  `UPDATE financial_accounts_by_awards SET disaster_emergency_fund_code = (ARRAY['L', 'Z'])[financial_accounts_by_awards_id % 2 + 1]
     WHERE award_id IN (SELECT award_id FROM subaward_search) AND financial_accounts_by_awards_id % 3 <> 0`,
  "UPDATE subaward_search SET sub_action_date = DATE '2022-03-01' WHERE broker_subaward_id % 3 <> 0",
  `UPDATE award_search SET generated_unique_award_id = generated_unique_award_id || ' é/%' WHERE award_id % 10 = 0`,
  `UPDATE transaction_search SET generated_unique_award_id = generated_unique_award_id || ' é/%' WHERE award_id % 10 = 0`,
];

/**
 * The faba_award join (both of its forms) against the per-column subqueries it replaced, value for
 * value on every row, in one rolled-back transaction.
 */
describe('award-level File C values (faba_award) equal the old per-column subqueries', () => {
  let dataSource: DataSource;
  let runner: QueryRunner;
  let client: ClientBase;

  beforeAll(async () => {
    dataSource = await openMigratedDataSource();
    runner = dataSource.createQueryRunner();
    client = (await runner.connect()) as ClientBase;
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${SYNTHETIC_TABLES.join(', ')}`);
    await seedSmallDatasetWith(client);
    for (const statement of EDGE_CASES) await client.query(statement);
    // The precomputed values of the edge cases, read by the modes that ask for them.
    await refreshFabaAwardSummary(client);
  }, 180_000);

  afterAll(async () => {
    await client.query('ROLLBACK');
    await runner.release();
    await dataSource.destroy();
  });

  const fabaColumns = (key: CatalogKey) =>
    catalogFor(key).columns.filter((column) => column.sql.includes('faba_award.'));

  /** Rows, and per column the rows that differ (as CSV text) and the non-NULL values. */
  async function compare(key: CatalogKey, options: Partial<SelectSqlOptions>) {
    const columns = fabaColumns(key);
    const codes = options.defCodes ?? [];
    const defFilter = codes.length
      ? ` AND faba.disaster_emergency_fund_code IN (${codes.map((code) => escapeLiteral(code)).join(', ')})`
      : '';
    const awardId = `${catalogFor(key).baseTable}.award_id`;
    const oracle = columns.map(
      (column, i) => `${oracleExpression(column.sql, awardId, defFilter)} AS "oracle_${i}"`,
    );
    const sql = buildSelectSql(key, {
      permalinkHost: HOST,
      ...options,
      columns: columns.map((c) => c.header),
    });
    const both = sql.replace(/^SELECT\n/, `SELECT\n  ${oracle.join(',\n  ')},\n`);
    const measures = columns.map(
      (column, i) =>
        `count(*) FILTER (WHERE s."${column.header}"::text IS DISTINCT FROM s."oracle_${i}"::text) AS "diff_${i}", count(s."${column.header}") AS "nonnull_${i}"`,
    );
    const { rows } = await client.query<Record<string, string>>(
      `SELECT count(*) AS rows, ${measures.join(', ')} FROM (${both}) AS s`,
    );
    const result = rows[0];
    return {
      sql,
      rows: Number(result.rows),
      differing: columns.filter((_, i) => Number(result[`diff_${i}`]) > 0).map((c) => c.header),
      allNull: columns.filter((_, i) => Number(result[`nonnull_${i}`]) === 0).map((c) => c.header),
    };
  }

  const modes: [string, Partial<SelectSqlOptions>][] = [
    ['the whole list', {}],
    ['a filtered download', { where: ['true'] }],
    ['the whole list with DEF codes', { defCodes: DEF_CODES }],
    ['a filtered download with DEF codes', { where: ['true'], defCodes: DEF_CODES }],
    ['the whole list from faba_award_summary', { fabaAwardSummary: true }],
    ['a filtered download from faba_award_summary', { where: ['true'], fabaAwardSummary: true }],
    // DEF codes restrict the aggregates: the precomputed values do not apply, the join is computed live.
    [
      'a filtered download with DEF codes, summary current',
      { where: ['true'], defCodes: DEF_CODES, fabaAwardSummary: true },
    ],
  ];

  describe.each(modes)('on %s', (_, options) => {
    it.each(KEYS)('%s', async (key) => {
      expect(fabaColumns(key).length).toBeGreaterThanOrEqual(9);
      const result = await compare(key, options);
      expect(result.rows).toBeGreaterThan(0);
      expect(result.differing).toEqual([]);
      // Not vacuous: the seeded and edge-case rows give every column values.
      if (!options.defCodes) expect(result.allNull).toEqual([]);
      const summary = options.fabaAwardSummary === true && !options.defCodes;
      expect(result.sql.includes('LEFT JOIN faba_award_summary AS faba_award')).toBe(summary);
      const allAwards = !options.where && catalogFor(key).fabaAwardJoin?.allAwards !== undefined;
      expect(result.sql.includes('LEFT JOIN LATERAL')).toBe(!allAwards && !summary);
    });
  });

  it.each(KEYS)('%s permalinks equal CONCAT(prefix, urlencode(id), "/")', async (key) => {
    const column = catalogFor(key).columns.find((c) => c.header === 'usaspending_permalink');
    const id = column?.sql.match(/urlencode\((\w+\.generated_unique_award_id)\)/)?.[1];
    expect(id).toBeDefined();
    const sql = buildSelectSql(key, { permalinkHost: HOST, columns: ['usaspending_permalink'] });
    const oracle = `CONCAT(${escapeLiteral(permalinkPrefix(HOST))}, urlencode(${id}), '/') AS oracle`;
    const { rows } = await client.query<{ rows: string; diff: string; encoded: string }>(
      `SELECT count(*) AS rows, count(*) FILTER (WHERE s.usaspending_permalink IS DISTINCT FROM s.oracle) AS diff,
         count(*) FILTER (WHERE s.usaspending_permalink LIKE '%\\%C3\\%A9\\%2F\\%25/') AS encoded
       FROM (${sql.replace(/^SELECT\n/, `SELECT\n  ${oracle},\n`)}) AS s`,
    );
    expect(Number(rows[0].rows)).toBeGreaterThan(0);
    expect(Number(rows[0].encoded)).toBeGreaterThan(0);
    expect(Number(rows[0].diff)).toBe(0);
  });

  it('computes only the aggregates and lookups the selected columns need', async () => {
    for (const options of [{}, { where: ['true'] }]) {
      const sql = buildSelectSql('transaction.d1', {
        permalinkHost: HOST,
        columns: ['treasury_accounts_funding_this_award'],
        ...options,
      });
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`);
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(plan).toContain('financial_accounts_by_awards');
      for (const unused of [
        'disaster_emergency_fund_code',
        'object_class',
        'dabs_submission_window_schedule',
      ])
        expect(plan).not.toContain(unused);
    }
  });
});
