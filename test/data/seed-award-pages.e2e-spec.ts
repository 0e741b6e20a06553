import { ClientBase } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { seedSmallDatasetWith } from '../../tools/seed/seed-small-dataset';
import { openMigratedDataSource } from '../support/test-database';

/**
 * What the single-award, disaster and unlinked-award downloads need from the synthetic data: IDV
 * hierarchies with child and grandchild orders, award-level File C aggregates that match File C,
 * COVID-19 File C and GTAS rows, unlinked File C rows, submission periods. One rolled-back transaction.
 */
describe('seed data for the award-page and disaster downloads', () => {
  let dataSource: DataSource;
  let runner: QueryRunner;
  let client: ClientBase;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await client.query<{ n: string }>(sql, params)).rows[0].n);

  beforeAll(async () => {
    dataSource = await openMigratedDataSource();
    runner = dataSource.createQueryRunner();
    client = (await runner.connect()) as ClientBase;
    await client.query('BEGIN');
    await seedSmallDatasetWith(client);
  }, 120_000);

  afterAll(async () => {
    await client.query('ROLLBACK');
    await runner.release();
    await dataSource.destroy();
  });

  it('gives every IDV a parent_award row whose parent is the IDV its PIID and agency point at', async () => {
    const idvs = await count(`SELECT count(*) AS n FROM award_search WHERE type LIKE 'IDV%'`);
    expect(idvs).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM parent_award')).toBe(idvs);
    const mismatched = await count(`
      SELECT count(*) AS n FROM parent_award AS p
      JOIN award_search AS child ON child.award_id = p.award_id
      LEFT JOIN award_search AS parent ON parent.award_id = p.parent_award_id
      WHERE (p.parent_award_id IS NULL) <> (child.parent_award_piid IS NULL)
         OR parent.piid IS DISTINCT FROM child.parent_award_piid
         OR parent.fpds_agency_id IS DISTINCT FROM child.fpds_parent_agency_id`);
    expect(mismatched).toBe(0);
  });

  it('builds two-level hierarchies: top IDVs with child IDVs that have orders of their own', async () => {
    const grandchildren = await count(`
      SELECT count(*) AS n FROM parent_award AS child_idv
      JOIN award_search AS idv ON idv.award_id = child_idv.award_id
      JOIN award_search AS ord ON ord.parent_award_piid = idv.piid AND ord.fpds_parent_agency_id = idv.fpds_agency_id
      WHERE child_idv.parent_award_id IS NOT NULL AND ord.type NOT LIKE 'IDV%'`);
    expect(grandchildren).toBeGreaterThan(0);
    const orphans = await count(`
      SELECT count(*) AS n FROM award_search AS c
      WHERE c.parent_award_piid IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM award_search AS p WHERE p.piid = c.parent_award_piid AND p.fpds_agency_id = c.fpds_parent_agency_id
          AND p.type LIKE 'IDV%')`);
    expect(orphans).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM parent_award WHERE rollup_contract_count > direct_contract_count`,
      ),
    ).toBeGreaterThan(0);
  });

  it('keeps the award-level COVID-19 and IIJA totals equal to the File C rows', async () => {
    const differing = await count(`
      SELECT count(*) AS n FROM award_search AS a
      LEFT JOIN (SELECT f.award_id, SUM(f.transaction_obligated_amount) AS obligation,
                        SUM(CASE WHEN s.is_final_balances_for_fy THEN f.gross_outlay_amount_by_award_cpe ELSE 0 END) AS outlay
                 FROM financial_accounts_by_awards AS f
                 JOIN submission_attributes AS s ON s.submission_id = f.submission_id
                 JOIN disaster_emergency_fund_code AS d ON d.code = f.disaster_emergency_fund_code AND d.group_name = 'covid_19'
                 GROUP BY f.award_id) AS c ON c.award_id = a.award_id
      WHERE a.total_covid_obligation IS DISTINCT FROM c.obligation OR a.total_covid_outlay IS DISTINCT FROM c.outlay`);
    expect(differing).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM award_search WHERE total_covid_obligation <> 0`),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM award_search WHERE total_iija_obligation <> 0`),
    ).toBeGreaterThan(0);
    const defcs = await count(`
      SELECT count(*) AS n FROM award_search AS a
      WHERE a.disaster_emergency_fund_codes IS DISTINCT FROM (
        SELECT array_agg(DISTINCT f.disaster_emergency_fund_code ORDER BY f.disaster_emergency_fund_code)
        FROM financial_accounts_by_awards AS f WHERE f.award_id = a.award_id AND f.disaster_emergency_fund_code IS NOT NULL)`);
    expect(defcs).toBe(0);
  });

  it('has COVID-19 GTAS balances, unlinked File C rows, and submission periods', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM gtas_sf133_balances AS g
        JOIN disaster_emergency_fund_code AS d ON d.code = g.disaster_emergency_fund_code WHERE d.group_name = 'covid_19'`),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM financial_accounts_by_awards WHERE award_id IS NULL`),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM submission_attributes
        WHERE reporting_period_start IS NULL OR reporting_period_end < reporting_period_start
           OR reporting_period_end <> (make_date(reporting_fiscal_year - 1, 10, 1) + make_interval(months => reporting_fiscal_period) - INTERVAL '1 day')::date`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM subaward_search AS s JOIN award_search AS a ON a.award_id = s.award_id
        WHERE a.total_covid_obligation <> 0 AND s.sub_action_date >= DATE '2020-04-01'`),
    ).toBeGreaterThan(0);
  });
});
