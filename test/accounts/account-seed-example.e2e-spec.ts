import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { parseCsv } from '../support/csv-records';
import { downloadFiles } from '../support/download-files';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { EXAMPLE_ACCOUNT_ROWS as FIXTURE_ROWS } from '../../tools/seed/demo/example-account-rows';
import { SEED_ACCOUNT_EXAMPLE as SEED_EXAMPLE } from '../../src/download-request/seed-examples';

const TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{2}';
const ZIP_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{8}';

describe("the seed's account example, end to end through Bull", () => {
  let seeded: SeededApp;
  let awards: Record<'contract' | 'assistance', number>;
  /** Federal account 15 as the reference data defines it (symbol and parent agency). */
  let account: { symbol: string; owner: string };

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
    // The demonstration data holds the rows the example is about (and a few each filter leaves out).
    const linked = async (expected: string) =>
      Number(
        (
          await seeded.dataSource.query<{ award_id: string }[]>(
            'SELECT award_id FROM financial_accounts_by_awards WHERE financial_accounts_by_awards_id = $1',
            [FIXTURE_ROWS.find((row) => row.expected === expected)!.id],
          )
        )[0].award_id,
      );
    awards = { contract: await linked('Contracts'), assistance: await linked('Assistance') };
    [account] = await seeded.dataSource.query<{ symbol: string; owner: string }[]>(
      `SELECT fa.federal_account_code AS symbol, ta.name AS owner FROM federal_account fa
       JOIN toptier_agency ta ON ta.toptier_agency_id = fa.parent_toptier_agency_id WHERE fa.id = 15`,
    );
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  function records(entry: Buffer): Record<string, string>[] {
    const [header, ...rows] = parseCsv(entry.toString('utf8'));
    return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
  }

  it('answers with the reference fields, the agency code in the name, and three partitioned File C files', async () => {
    const { response, entries, status } = await downloadFiles(
      seeded.app,
      '/api/v2/download/accounts/',
      SEED_EXAMPLE,
    );
    // Toptier agency 22 is the Department of the Army, code 021; no monthly window exists in FY2018.
    expect(response.file_name).toMatch(
      new RegExp(`^FY2018Q1-Q2_021_TAS_AccountBreakdownByAward_${ZIP_TS}\\.zip$`),
    );
    expect(response.download_request).toEqual({
      account_level: 'treasury_account',
      download_types: ['award_financial'],
      file_format: 'csv',
      filters: {
        agency: '22',
        budget_function: '800',
        budget_subfunction: '801',
        federal_account: '15',
        fy: 2018,
        period: null,
        quarter: 2,
        submission_types: ['award_financial'],
      },
      request_type: 'account',
    });
    const names = [...entries.keys()];
    const groups = ['Contracts', 'Assistance', 'Unlinked'];
    expect(names).toHaveLength(3);
    names.forEach((name, index) =>
      expect(name).toMatch(
        new RegExp(`^FY2018Q1-Q2_All_TAS_${groups[index]}_AccountBreakdownByAward_${TS}_1\\.csv$`),
      ),
    );
    const headers = catalogFor('award_financial.treasury_account').headers;
    expect(headers).toHaveLength(90);
    for (const [index, name] of names.entries()) {
      const text = entries.get(name)!.toString('utf8');
      expect(text.split('\r\n')[0]).toBe(headers.join(','));
      const rows = records(entries.get(name)!);
      const expected = FIXTURE_ROWS.filter((row) => row.expected === groups[index]);
      expect(rows.map((row) => row.transaction_obligated_amount)).toEqual(
        expected.map((row) => row.obligation),
      );
      expect(rows.every((row) => row.federal_account_symbol === account.symbol)).toBe(true);
    }
    const [contract] = records(entries.get(names[0])!);
    expect(contract).toMatchObject({ submission_period: 'FY2018Q1', budget_subfunction: 'Sub 801' });
    expect(contract.award_unique_key).toBe(
      (
        await seeded.dataSource.query<{ key: string }[]>(
          'SELECT generated_unique_award_id AS key FROM award_search WHERE award_id = $1',
          [awards.contract],
        )
      )[0].key,
    );
    expect(status).toMatchObject({ total_rows: 3, total_columns: 270 });
  });

  it('sums the same rows per federal account and submission period', async () => {
    const { response, entries } = await downloadFiles(seeded.app, '/api/v2/download/accounts', {
      ...SEED_EXAMPLE,
      account_level: 'federal_account',
    });
    expect(response.file_name).toMatch(/^FY2018Q1-Q2_021_FA_AccountBreakdownByAward_/);
    const names = [...entries.keys()];
    expect(names.map((name) => name.replace(/_\d{4}-.*$/, ''))).toEqual([
      'FY2018Q1-Q2_All_FA_Contracts_AccountBreakdownByAward',
      'FY2018Q1-Q2_All_FA_Assistance_AccountBreakdownByAward',
      'FY2018Q1-Q2_All_FA_Unlinked_AccountBreakdownByAward',
    ]);
    expect(entries.get(names[0])!.toString('utf8').split('\r\n')[0]).toBe(
      catalogFor('award_financial.federal_account').headers.join(','),
    );
    const amounts = names.map((name) =>
      records(entries.get(name)!).map((row) => row.transaction_obligated_amount),
    );
    expect(amounts).toEqual([['100.00'], ['250.50'], ['-75.25']]);
    const [unlinked] = records(entries.get(names[2])!);
    expect(unlinked).toMatchObject({
      owning_agency_name: account.owner,
      federal_account_symbol: account.symbol,
    });
  });
});
