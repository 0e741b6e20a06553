import { ClientBase } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { CATALOG_KEYS, CatalogKey } from '../../src/catalog/catalog.types';
import { buildSelectSql, SelectSqlOptions } from '../../src/catalog/select-sql.util';
import { seedSmallDatasetWith } from '../../tools/seed/seed-small-dataset';
import { SYNTHETIC_TABLES } from '../../tools/seed/synthetic/synthetic-seeder';
import { openMigratedDataSource } from '../support/test-database';

/**
 * Runs every catalog's full SELECT against the migrated schema, so a broken expression fails CI.
 * Everything happens in one transaction that is rolled back: other suites' rows are left alone.
 */
describe('catalog SQL against the schema', () => {
  let dataSource: DataSource;
  let runner: QueryRunner;
  let client: ClientBase;
  const options: SelectSqlOptions = {
    permalinkHost: 'www.usaspending.gov',
    submissionPeriod: { fiscalYear: 2022, quarter: 4, period: 12 },
    limit: 5,
  };

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

  const run = async (key: CatalogKey, extra: Partial<SelectSqlOptions> = {}) =>
    client.query<Record<string, unknown>>(buildSelectSql(key, { ...options, ...extra }));

  describe('on empty tables', () => {
    it.each(CATALOG_KEYS)('%s runs and names its columns with the exact headers', async (key) => {
      const result = await run(key);
      expect(result.fields.map((field) => field.name)).toEqual(catalogFor(key).headers);
      expect(result.rows).toEqual([]);
    });
  });

  describe('on the small seeded dataset', () => {
    beforeAll(async () => {
      await seedSmallDatasetWith(client);
    }, 120_000);

    it.each(CATALOG_KEYS)('%s returns rows', async (key) => {
      const result = await run(key);
      expect(result.fields).toHaveLength(catalogFor(key).headers.length);
      expect(result.rows.length).toBeGreaterThan(0);
    });

    it.each(CATALOG_KEYS)(
      '%s also runs mid-year with DEF codes and without a LIMIT on a column subset',
      async (key) => {
        const headers = catalogFor(key).headers;
        const columns = [headers[headers.length - 1], headers[0]];
        const result = await run(key, {
          submissionPeriod: { fiscalYear: 2022, quarter: 2, period: 5 },
          defCodes: ['L', "N'; DROP TABLE award_search; --"],
          columns,
          limit: undefined,
          where: key.startsWith('award_financial')
            ? ['submission_attributes.reporting_fiscal_year = 2022']
            : undefined,
        });
        expect(result.fields.map((field) => field.name)).toEqual(columns);
      },
    );

    it('builds permalinks with the configured host, and without scheme for localhost', async () => {
      const remote = await run('award.d1', {
        columns: ['contract_award_unique_key', 'usaspending_permalink'],
      });
      for (const row of remote.rows) {
        expect(row.usaspending_permalink).toBe(
          `https://www.usaspending.gov/award/${String(row.contract_award_unique_key)}/`,
        );
      }
      const local = await run('transaction.d2', {
        permalinkHost: 'localhost:3000',
        columns: ['usaspending_permalink'],
      });
      expect(String(local.rows[0].usaspending_permalink)).toMatch(/^localhost:3000\/award\/ASST_/);
    });

    it('computes fiscal years, districts and File C links from the seeded rows', async () => {
      const awards = await run('award.d2', {
        columns: [
          'award_base_action_date',
          'award_base_action_date_fiscal_year',
          'prime_award_summary_recipient_cd_original',
          'recipient_state_code',
        ],
        limit: 50,
      });
      for (const row of awards.rows) {
        const date = row.award_base_action_date as Date;
        const expected = date.getFullYear() + (date.getMonth() >= 9 ? 1 : 0);
        expect(row.award_base_action_date_fiscal_year).toBe(expected);
        if (row.recipient_state_code)
          expect(String(row.prime_award_summary_recipient_cd_original)).toMatch(/^[A-Z]{2}-\d{2}$/);
      }
      const linked = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM (${buildSelectSql('award.d1', { ...options, columns: ['treasury_accounts_funding_this_award'], limit: undefined })}) AS s
         WHERE s.treasury_accounts_funding_this_award IS NOT NULL`,
      );
      expect(Number(linked.rows[0].n)).toBeGreaterThan(0);
    });

    it('sums federal-account rows to the treasury-account rows they group', async () => {
      const where = ['submission_attributes.reporting_fiscal_year = 2022'];
      const tas = await run('account_balances.treasury_account', {
        columns: ['obligations_incurred'],
        where,
        limit: undefined,
      });
      const federal = await run('account_balances.federal_account', {
        columns: ['obligations_incurred'],
        where,
        limit: undefined,
      });
      const total = (rows: Record<string, unknown>[]) =>
        rows.reduce((sum, row) => sum + Number(row.obligations_incurred), 0);
      expect(federal.rows.length).toBeLessThan(tas.rows.length);
      expect(total(federal.rows)).toBeCloseTo(total(tas.rows), 0);
    });
  });
});
