import { ClientBase } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { SourceKey, VARIANT_CATALOG_KEYS } from '../../src/catalog/catalog.types';
import { buildSelectSql, SelectSqlOptions } from '../../src/catalog/select-sql.util';
import { seedSmallDatasetWith } from '../../tools/seed/seed-small-dataset';
import { SYNTHETIC_TABLES } from '../../tools/seed/synthetic/synthetic-seeder';
import { openMigratedDataSource } from '../support/test-database';

const COVID = ['L', 'M', 'N', 'O', 'P', 'U', 'V'];

/**
 * Runs every variant catalog's SELECT against the migrated schema, empty and seeded, and checks what
 * makes each variant differ from its base list on real rows. One transaction, rolled back at the end.
 */
describe('variant catalogs against the schema', () => {
  let dataSource: DataSource;
  let runner: QueryRunner;
  let client: ClientBase;
  const options: SelectSqlOptions = { permalinkHost: 'localhost:8000', defCodes: COVID };

  beforeAll(async () => {
    dataSource = await openMigratedDataSource();
    runner = dataSource.createQueryRunner();
    client = (await runner.connect()) as ClientBase;
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${SYNTHETIC_TABLES.join(', ')}`);
  });

  afterAll(async () => {
    await client.query('ROLLBACK');
    await runner.release();
    await dataSource.destroy();
  });

  const run = (key: SourceKey, extra: Partial<SelectSqlOptions> = {}) =>
    client.query<Record<string, unknown>>(buildSelectSql(key, { ...options, ...extra }));

  it.each(VARIANT_CATALOG_KEYS)('%s runs on empty tables and names its columns by header', async (key) => {
    const result = await run(key, { limit: 5 });
    expect(result.fields.map((field) => field.name)).toEqual(catalogFor(key).headers);
    expect(result.rows).toEqual([]);
  });

  describe('on the small seeded dataset', () => {
    beforeAll(async () => {
      await seedSmallDatasetWith(client);
    }, 120_000);

    it.each(VARIANT_CATALOG_KEYS)('%s returns rows', async (key) => {
      const result = await run(key, { limit: 5 });
      expect(result.rows.length).toBeGreaterThan(0);
    });

    it('award-page transactions carry COVID-19 amounts only for actions from 2020-04-01 on', async () => {
      const amount = 'obligated_amount_from_COVID-19_supplementals_for_overall_award';
      const { rows } = await client.query<{ transaction_id: string }>(
        `SELECT t.transaction_id FROM transaction_search AS t JOIN award_search AS a ON a.award_id = t.award_id
         WHERE a.is_fpds AND a.total_covid_obligation <> 0 ORDER BY t.transaction_id LIMIT 2`,
      );
      expect(rows).toHaveLength(2);
      const [early, late] = rows.map((row) => Number(row.transaction_id));
      await client.query('SAVEPOINT early_action');
      // The same award's amounts: one action moved before the COVID-19 laws, one left after them.
      await client.query(
        `UPDATE transaction_search SET action_date = DATE '2019-06-01' WHERE transaction_id = $1`,
        [early],
      );
      const where = [`transaction_search.transaction_id IN (${early}, ${late})`];
      const columns = ['contract_transaction_unique_key', amount];
      const page = await run('idv_transaction_history.d1', { columns, where });
      const bulk = await run('transaction.d1', { columns, where });
      await client.query('ROLLBACK TO SAVEPOINT early_action');
      const byKey = (result: typeof page) => result.rows.map((row) => row[amount]);
      expect(byKey(bulk).every((value) => value !== null)).toBe(true);
      expect(byKey(page).filter((value) => value === null)).toHaveLength(1);
      const kept = byKey(page).filter((value) => value !== null);
      expect(kept).toHaveLength(1);
      expect(byKey(bulk)).toContain(kept[0]);
    });

    it("IDV orders list ': ' for a File C row without object class, as the reference does", async () => {
      const { rows } = await client.query<{ award_id: string }>(
        `SELECT faba.award_id FROM financial_accounts_by_awards AS faba
         JOIN award_search AS a ON a.award_id = faba.award_id AND a.is_fpds
         JOIN submission_attributes AS s ON s.submission_id = faba.submission_id LIMIT 1`,
      );
      const awardId = Number(rows[0].award_id);
      await client.query('SAVEPOINT unguarded');
      await client.query(
        `INSERT INTO financial_accounts_by_awards (financial_accounts_by_awards_id, submission_id, award_id, distinct_award_key)
         SELECT 999999999, submission_id, award_id, distinct_award_key FROM financial_accounts_by_awards
         WHERE award_id = $1 LIMIT 1`,
        [awardId],
      );
      const where = [`award_search.award_id = ${awardId}`];
      const columns = ['object_classes_funding_this_award'];
      const orders = await run('idv_orders.d1', { columns, where });
      const awards = await run('award.d1', { columns, where });
      await client.query('ROLLBACK TO SAVEPOINT unguarded');
      expect(String(orders.rows[0].object_classes_funding_this_award).split(';')).toContain(': ');
      expect(String(awards.rows[0].object_classes_funding_this_award).split(';')).not.toContain(': ');
    });

    it('the recipient file lists every award with DEFC spending once, under its recipient', async () => {
      const result = await run('disaster_recipient.recipient', { defCodes: COVID });
      const listed = result.rows.reduce((sum, row) => sum + Number(row.number_of_awards), 0);
      // Every FY2022 period of the small dataset is revealed, so "closed" needs no check here.
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM award_search AS a JOIN (
           SELECT f.award_id FROM financial_accounts_by_awards AS f
           JOIN submission_attributes AS s ON s.submission_id = f.submission_id
           WHERE f.award_id IS NOT NULL AND f.disaster_emergency_fund_code = ANY($1)
             AND s.reporting_period_start >= DATE '2020-04-01'
           GROUP BY f.award_id
           HAVING COALESCE(SUM(f.transaction_obligated_amount), 0) <> 0
               OR SUM(CASE WHEN s.is_final_balances_for_fy THEN COALESCE(f.gross_outlay_amount_by_award_cpe, 0)
                      + COALESCE(f.ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe, 0)
                      + COALESCE(f.ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe, 0) ELSE 0 END) <> 0
         ) AS spent ON spent.award_id = a.award_id`,
        [COVID],
      );
      expect(listed).toBeGreaterThan(0);
      expect(listed).toBe(Number(rows[0].n));
    });
  });
});
