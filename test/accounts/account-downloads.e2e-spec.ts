import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { AccountFile, downloadAccountFiles, stems, total } from './account-files';

/** Submissions of FY2022 whose period is exactly the requested one: each agency's latest, for Files A and B. */
const latestOf = (quarter: number, period: number) =>
  `s.reporting_fiscal_year = 2022 AND ((s.quarter_format_flag AND s.reporting_fiscal_quarter = ${quarter})
   OR (NOT s.quarter_format_flag AND s.reporting_fiscal_period = ${period}))`;
/** Every FY2022 submission up to the period: File C. */
const upTo = (quarter: number, period: number) =>
  `s.reporting_fiscal_year = 2022 AND ((s.quarter_format_flag AND s.reporting_fiscal_quarter <= ${quarter})
   OR (NOT s.quarter_format_flag AND s.reporting_fiscal_period <= ${period}))`;
const NON_ZERO = `(c.transaction_obligated_amount <> 0 OR c.gross_outlay_amount_by_award_cpe <> 0
  OR c.ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe <> 0
  OR c.ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe <> 0)`;

function amountHeaders(key: Parameters<typeof catalogFor>[0]): string[] {
  return catalogFor(key)
    .columns.filter(
      (column) => column.aggregation === 'sum' || column.aggregation === 'sum_closed_submission',
    )
    .map((column) => column.header);
}

describe('POST /api/v2/download/accounts/: every file at both levels, end to end through Bull', () => {
  let seeded: SeededApp;
  const oracle = async (sql: string): Promise<{ n: string; total: string | null }> =>
    (await seeded.dataSource.query<{ n: string; total: string | null }[]>(sql))[0];
  const request = (level: string, type: string, quarter = 2) => ({
    account_level: level,
    filters: { fy: 2022, quarter, submission_types: [type] },
  });

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  function expectOneFile(
    files: AccountFile[],
    stem: string,
    key: Parameters<typeof catalogFor>[0],
  ): AccountFile {
    expect(stems(files)).toEqual([stem]);
    expect(files[0].name).toMatch(/_\d{4}-\d{2}-\d{2}_H\d{2}M\d{2}S\d{2}_1\.csv$/);
    expect(files[0].header).toEqual(catalogFor(key).headers);
    return files[0];
  }

  it('File A: one row per treasury account of the latest submissions; federal accounts sum them', async () => {
    const tas = await downloadAccountFiles(seeded.app, request('treasury_account', 'account_balances'));
    expect(tas.fileName).toMatch(/^FY2022P01-P06_All_TAS_AccountBalances_\d{4}-.*\.zip$/);
    const tasFile = expectOneFile(
      tas.files,
      'FY2022P01-P06_All_TAS_AccountBalances',
      'account_balances.treasury_account',
    );
    expect(tasFile.header).toHaveLength(32);
    const expected = await oracle(`SELECT count(*) AS n, sum(a.obligations_incurred_total_by_tas_cpe) AS total
      FROM appropriation_account_balances a JOIN submission_attributes s USING (submission_id) WHERE ${latestOf(2, 6)}`);
    expect(tasFile.rows.length).toBe(Number(expected.n));
    expect(tasFile.rows.length).toBeGreaterThan(10);
    expect(total(tasFile.rows, 'obligations_incurred')).toBe(BigInt(expected.total!.replace('.', '')));
    expect(new Set(tasFile.rows.map((row) => row.submission_period))).toEqual(
      new Set(['FY2022Q2', 'FY2022P06']),
    );

    const federal = await downloadAccountFiles(seeded.app, request('federal_account', 'account_balances'));
    expect(federal.fileName).toMatch(/^FY2022P01-P06_All_FA_AccountBalances_/);
    const faFile = expectOneFile(
      federal.files,
      'FY2022P01-P06_All_FA_AccountBalances',
      'account_balances.federal_account',
    );
    expect(faFile.header).toHaveLength(22);
    const groups = new Map<string, Record<string, string>[]>();
    for (const row of tasFile.rows) {
      const key = `${row.federal_account_symbol}|${row.submission_period}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    expect(faFile.rows.length).toBe(groups.size);
    for (const row of faFile.rows) {
      const members = groups.get(`${row.federal_account_symbol}|${row.submission_period}`)!;
      for (const header of amountHeaders('account_balances.federal_account'))
        expect([header, total([row], header)]).toEqual([header, total(members, header)]);
      for (const header of ['budget_function', 'reporting_agency_name', 'agency_identifier_name'])
        expect(new Set(row[header].split(';'))).toEqual(new Set(members.map((member) => member[header])));
    }
  });

  it("File A: a later period's year-to-date balance replaces, never adds to, an earlier one", async () => {
    const q3 = await downloadAccountFiles(seeded.app, request('federal_account', 'account_balances', 3));
    expect(q3.fileName).toMatch(/^FY2022P01-P09_All_FA_AccountBalances_/);
    const latest = await oracle(`SELECT count(*) AS n, sum(a.obligations_incurred_total_by_tas_cpe) AS total
      FROM appropriation_account_balances a JOIN submission_attributes s USING (submission_id) WHERE ${latestOf(3, 9)}`);
    const cumulative =
      await oracle(`SELECT count(*) AS n, sum(a.obligations_incurred_total_by_tas_cpe) AS total
      FROM appropriation_account_balances a JOIN submission_attributes s USING (submission_id) WHERE ${upTo(3, 9)}`);
    const rows = q3.files[0].rows;
    expect(total(rows, 'obligations_incurred')).toBe(BigInt(latest.total!.replace('.', '')));
    expect(BigInt(cumulative.total!.replace('.', ''))).toBeGreaterThan(
      BigInt(latest.total!.replace('.', '')),
    );
    expect(new Set(rows.map((row) => row.submission_period))).toEqual(new Set(['FY2022Q3', 'FY2022P09']));
  });

  it('File B: latest submissions at TAS level; the federal level keeps every total', async () => {
    const tas = await downloadAccountFiles(
      seeded.app,
      request('treasury_account', 'object_class_program_activity'),
    );
    expect(tas.fileName).toMatch(/^FY2022P01-P06_All_TAS_AccountBreakdownByPA-OC_/);
    const tasFile = expectOneFile(
      tas.files,
      'FY2022P01-P06_All_TAS_AccountBreakdownByPA-OC',
      'object_class_program_activity.treasury_account',
    );
    expect(tasFile.header).toHaveLength(59);
    const expected =
      await oracle(`SELECT count(*) AS n, sum(b.obligations_incurred_by_program_object_class_cpe) AS total
      FROM financial_accounts_by_program_activity_object_class b JOIN submission_attributes s USING (submission_id)
      WHERE ${latestOf(2, 6)}`);
    expect(tasFile.rows.length).toBe(Number(expected.n));
    expect(total(tasFile.rows, 'obligations_incurred')).toBe(BigInt(expected.total!.replace('.', '')));

    const federal = await downloadAccountFiles(
      seeded.app,
      request('federal_account', 'object_class_program_activity'),
    );
    const faFile = expectOneFile(
      federal.files,
      'FY2022P01-P06_All_FA_AccountBreakdownByPA-OC',
      'object_class_program_activity.federal_account',
    );
    expect(faFile.header).toHaveLength(49);
    expect(faFile.rows.length).toBeLessThan(tasFile.rows.length);
    for (const header of amountHeaders('object_class_program_activity.federal_account'))
      expect([header, total(faFile.rows, header)]).toEqual([header, total(tasFile.rows, header)]);
  });

  it('File C: every submission up to the period, non-zero rows, split into contracts, assistance and unlinked', async () => {
    const tas = await downloadAccountFiles(seeded.app, request('treasury_account', 'award_financial'));
    expect(tas.fileName).toMatch(/^FY2022P01-P06_All_TAS_AccountBreakdownByAward_/);
    const groups = ['Contracts', 'Assistance', 'Unlinked'];
    expect(stems(tas.files)).toEqual(groups.map((g) => `FY2022P01-P06_All_TAS_${g}_AccountBreakdownByAward`));
    const byGroup = await seeded.dataSource.query<{ grp: string; n: string; total: string }[]>(
      `SELECT CASE WHEN c.award_id IS NULL THEN 'Unlinked' WHEN t.is_fpds THEN 'Contracts' ELSE 'Assistance' END AS grp,
              count(*) AS n, sum(c.transaction_obligated_amount) AS total
       FROM financial_accounts_by_awards c JOIN submission_attributes s USING (submission_id)
       LEFT JOIN award_search a ON a.award_id = c.award_id
       LEFT JOIN transaction_search t ON t.transaction_id = a.latest_transaction_search_id
       WHERE ${upTo(2, 6)} AND ${NON_ZERO} GROUP BY 1`,
    );
    tas.files.forEach((file, index) => {
      expect(file.header).toEqual(catalogFor('award_financial.treasury_account').headers);
      const expected = byGroup.find((row) => row.grp === groups[index])!;
      expect([groups[index], file.rows.length]).toEqual([groups[index], Number(expected.n)]);
      expect(total(file.rows, 'transaction_obligated_amount')).toBe(BigInt(expected.total.replace('.', '')));
    });
    const keys = tas.files.map((file) => new Set(file.rows.map((row) => row.award_unique_key.slice(0, 5))));
    expect(keys).toEqual([new Set(['CONT_']), new Set(['ASST_']), new Set([''])]);
    const periods = new Set(tas.files.flatMap((file) => file.rows.map((row) => row.submission_period)));
    expect([...periods].every((period) => /^FY2022(Q[12]|P0[1-6])$/.test(period))).toBe(true);
    expect(periods.size).toBeGreaterThan(2);

    const federal = await downloadAccountFiles(seeded.app, request('federal_account', 'award_financial'));
    expect(stems(federal.files)).toEqual(
      groups.map((g) => `FY2022P01-P06_All_FA_${g}_AccountBreakdownByAward`),
    );
    federal.files.forEach((file, index) => {
      expect(file.header).toEqual(catalogFor('award_financial.federal_account').headers);
      expect(file.header).toHaveLength(80);
      const tasRows = tas.files[index].rows;
      expect(file.rows.length).toBeLessThanOrEqual(tasRows.length);
      expect(total(file.rows, 'transaction_obligated_amount')).toBe(
        total(tasRows, 'transaction_obligated_amount'),
      );
    });
    expect(catalogFor('award_financial.treasury_account').headers).toHaveLength(90);
  });
});
