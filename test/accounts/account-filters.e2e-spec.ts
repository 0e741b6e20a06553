import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { downloadAccountFiles, stems } from './account-files';

const FY2022_Q4 = `s.reporting_fiscal_year = 2022 AND ((s.quarter_format_flag AND s.reporting_fiscal_quarter = 4)
  OR (NOT s.quarter_format_flag AND s.reporting_fiscal_period = 12))`;

/**
 * Row filters of docs/compatibility.md#account-file-rows at the treasury-account level, each against an oracle query written here;
 * then several types in one zip, formats and column selection.
 */
describe('account download filters, formats and columns', () => {
  let seeded: SeededApp;
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await seeded.dataSource.query<T[]>(sql, params))[0];

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  /** Rows of File B (latest FY2022 Q4 submissions) with `filters`, and the oracle's count for `where`. */
  async function expectFileB(filters: object, where: string, params: unknown[] = []): Promise<string> {
    const { files, fileName } = await downloadAccountFiles(seeded.app, {
      account_level: 'treasury_account',
      filters: { fy: 2022, quarter: 4, submission_types: ['object_class_program_activity'], ...filters },
    });
    const expected = await one<{ n: string }>(
      `SELECT count(*) AS n FROM financial_accounts_by_program_activity_object_class b
       JOIN submission_attributes s USING (submission_id)
       JOIN treasury_appropriation_account t ON t.treasury_account_identifier = b.treasury_account_id
       WHERE ${FY2022_Q4} AND ${where}`,
      params,
    );
    const all = await one<{ n: string }>(
      `SELECT count(*) AS n FROM financial_accounts_by_program_activity_object_class b
       JOIN submission_attributes s USING (submission_id) WHERE ${FY2022_Q4}`,
    );
    expect(Number(expected.n)).toBeGreaterThan(0);
    expect(Number(expected.n)).toBeLessThan(Number(all.n));
    expect(files[0].rows.length).toBe(Number(expected.n));
    return fileName;
  }

  it('agency by database id (number or text) and by abbreviation; its code or abbreviation names the zip', async () => {
    const treasury = await one<{ id: number; code: string }>(
      "SELECT toptier_agency_id AS id, toptier_code AS code FROM toptier_agency WHERE abbreviation = 'TREAS'",
    );
    const byId = await expectFileB({ agency: treasury.id }, 't.funding_toptier_agency_id = $1', [
      treasury.id,
    ]);
    expect(byId).toMatch(new RegExp(`^FY2022P01-P12_${treasury.code}_TAS_AccountBreakdownByPA-OC_`));
    const byText = await expectFileB({ agency: String(treasury.id) }, 't.funding_toptier_agency_id = $1', [
      treasury.id,
    ]);
    expect(byText).toMatch(new RegExp(`_${treasury.code}_TAS_`));
    const byAbbreviation = await expectFileB({ agency: 'TREAS' }, 't.funding_toptier_agency_id = $1', [
      treasury.id,
    ]);
    expect(byAbbreviation).toMatch(/^FY2022P01-P12_TREAS_TAS_/);
  });

  it('federal account, budget function and subfunction', async () => {
    const { id } = await one<{ id: number }>(
      `SELECT t.federal_account_id AS id FROM financial_accounts_by_program_activity_object_class b
       JOIN treasury_appropriation_account t ON t.treasury_account_identifier = b.treasury_account_id
       WHERE t.federal_account_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    await expectFileB({ federal_account: String(id) }, 't.federal_account_id = $1', [id]);
    await expectFileB({ budget_function: '800' }, "t.budget_function_code = '800'");
    await expectFileB(
      { budget_function: '800', budget_subfunction: '801' },
      "t.budget_subfunction_code = '801'",
    );
  });

  it('DEF codes apply to Files B and C, not to File A', async () => {
    await expectFileB({ def_codes: ['L', 'M', 'N'] }, "b.disaster_emergency_fund_code IN ('L', 'M', 'N')");
    const { files } = await downloadAccountFiles(seeded.app, {
      account_level: 'treasury_account',
      filters: {
        fy: 2022,
        period: 12,
        def_codes: ['Q'],
        submission_types: ['account_balances', 'award_financial'],
      },
    });
    const fileA = await one<{ n: string }>(
      `SELECT count(*) AS n FROM appropriation_account_balances a JOIN submission_attributes s USING (submission_id)
       WHERE ${FY2022_Q4}`,
    );
    expect(files[0].rows.length).toBe(Number(fileA.n));
    const fileC = files.slice(1).flatMap((file) => file.rows);
    expect(fileC.length).toBeGreaterThan(0);
    expect(new Set(fileC.map((row) => row.disaster_emergency_fund_code))).toEqual(new Set(['Q']));
  });

  it('several types in one AccountData zip, in download-type order, as TSV with selected columns', async () => {
    const { fileName, files, request } = await downloadAccountFiles(
      seeded.app,
      {
        account_level: 'treasury_account',
        filters: {
          fy: 2022,
          quarter: 1,
          agency: 'TREAS',
          submission_types: ['object_class_program_activity', 'award_financial', 'account_balances'],
        },
        columns: ['treasury_account_symbol', 'last_modified_date', 'award_unique_key'],
        file_format: 'TSV',
      },
      '\t',
    );
    expect(fileName).toMatch(/^FY2022P01-P03_TREAS_TAS_AccountData_/);
    expect(request.download_types).toEqual([
      'account_balances',
      'award_financial',
      'object_class_program_activity',
    ]);
    expect(stems(files)).toEqual([
      'FY2022P01-P03_All_TAS_AccountBalances',
      'FY2022P01-P03_All_TAS_Contracts_AccountBreakdownByAward',
      'FY2022P01-P03_All_TAS_Assistance_AccountBreakdownByAward',
      'FY2022P01-P03_All_TAS_Unlinked_AccountBreakdownByAward',
      'FY2022P01-P03_All_TAS_AccountBreakdownByPA-OC',
    ]);
    expect(files.every((file) => file.name.endsWith('_1.tsv'))).toBe(true);
    expect(files[0].header).toEqual(['treasury_account_symbol', 'last_modified_date']);
    expect(files[1].header).toEqual(['treasury_account_symbol', 'last_modified_date', 'award_unique_key']);
    expect(files[0].rows.length).toBeGreaterThan(0);
    expect(files[0].rows.every((row) => /^020-/.test(row.treasury_account_symbol))).toBe(true);
    expect(files[0].rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.last_modified_date))).toBe(true);
  });

  it('writes an empty file, without part suffix, for a type that has none of the requested columns', async () => {
    const { files } = await downloadAccountFiles(
      seeded.app,
      {
        account_level: 'federal_account',
        filters: {
          fy: 2022,
          period: 3,
          submission_types: ['account_balances', 'object_class_program_activity'],
        },
        columns: ['program_activity_code', 'obligations_incurred'],
        file_format: 'pstxt',
      },
      '|',
    );
    expect(files[0].name).toMatch(/^FY2022P01-P03_All_FA_AccountBalances_.*_1\.txt$/);
    expect(files[0].header).toEqual(['obligations_incurred']);
    expect(files[1].header).toEqual(['program_activity_code', 'obligations_incurred']);
    const { files: empty } = await downloadAccountFiles(seeded.app, {
      account_level: 'federal_account',
      filters: {
        fy: 2022,
        period: 3,
        submission_types: ['account_balances', 'object_class_program_activity'],
      },
      columns: ['program_activity_code'],
    });
    expect(empty[0].name).toMatch(
      /^FY2022P01-P03_All_FA_AccountBalances_\d{4}-\d{2}-\d{2}_H\d{2}M\d{2}S\d{2}\.csv$/,
    );
    expect(empty[0].header).toEqual([]);
    expect(empty[1].name).toMatch(/_1\.csv$/);
  });
});
