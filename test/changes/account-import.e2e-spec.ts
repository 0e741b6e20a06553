import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { runImport } from '../../src/import/importer';
import { loadReferenceTables } from '../../src/reference-data/reference-data.loader';
import { dropDatabase, siblingDatabase } from '../support/sibling-database';

const FILE_A = catalogFor('account_balances.treasury_account').headers;

/** A File A (treasury account level): the given values by header, empty elsewhere. */
const fileA = (rows: Record<string, string>[]): string =>
  [FILE_A.join(','), ...rows.map((row) => FILE_A.map((header) => row[header] ?? '').join(','))]
    .map((line) => `${line}\r\n`)
    .join('');

/** Account files: submissions created from the file's period and agency, rows replaced per submission and account, refusals. */
describe('import: account files', () => {
  let databaseUrl: string;
  let client: Client;
  let folder: string;
  let tas: string;
  let agency: string;
  const count = async (sql: string): Promise<number> =>
    Number((await client.query<{ n: string }>(sql)).rows[0].n);

  beforeAll(async () => {
    databaseUrl = await siblingDatabase('account_import');
    client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await loadReferenceTables(client);
    const found = await client.query<{ tas: string; agency: string }>(
      `SELECT t.tas_rendering_label AS tas, a.name AS agency FROM treasury_appropriation_account AS t
       JOIN toptier_agency AS a ON a.toptier_agency_id = t.funding_toptier_agency_id
       ORDER BY t.treasury_account_identifier LIMIT 1`,
    );
    [{ tas, agency }] = found.rows;
    folder = await mkdtemp(join(tmpdir(), 'account-import-'));
  }, 120_000);

  afterAll(async () => {
    await client.end();
    await dropDatabase(databaseUrl);
  });

  const row = (extra: Record<string, string> = {}) => ({
    reporting_agency_name: agency,
    submission_period: 'FY2024Q2',
    treasury_account_symbol: tas,
    total_budgetary_resources: '100.00',
    last_modified_date: '2024-05-15',
    ...extra,
  });

  it('creates the submission a File A names, and a second import of its account replaces the rows', async () => {
    const file = join(folder, 'file_a.csv');
    await writeFile(file, fileA([row()]));
    expect((await runImport(client, [file])).accountRows).toBe(1);
    const submission = await client.query(
      `SELECT reporting_fiscal_year, reporting_fiscal_quarter, reporting_fiscal_period, quarter_format_flag,
         published_date::date::text AS published
       FROM submission_attributes`,
    );
    expect(submission.rows).toEqual([
      {
        reporting_fiscal_year: 2024,
        reporting_fiscal_quarter: 2,
        reporting_fiscal_period: 6,
        quarter_format_flag: true,
        published: '2024-05-15',
      },
    ]);
    await writeFile(file, fileA([row({ total_budgetary_resources: '250.00' })]));
    await runImport(client, [file]);
    const stored = await client.query<{ total: string }>(
      'SELECT total_budgetary_resources_amount_cpe::text AS total FROM appropriation_account_balances',
    );
    expect(stored.rows).toEqual([{ total: '250.00' }]);
    expect(await count('SELECT count(*) AS n FROM submission_attributes')).toBe(1);
  });

  it('gives a row of an agency name two agencies share to the submission of the one owning its account', async () => {
    const owners = await client.query<{ code: string; tas: string }>(
      `SELECT t.toptier_code AS code, min(a.tas_rendering_label) AS tas FROM treasury_appropriation_account AS a
       JOIN toptier_agency AS t ON t.toptier_agency_id = a.funding_toptier_agency_id
       WHERE t.name = 'Legislative Branch' GROUP BY t.toptier_code ORDER BY t.toptier_code`,
    );
    expect(owners.rows.length).toBe(2);
    const file = join(folder, 'same_name.csv');
    const rows = owners.rows.map((owner) =>
      row({ reporting_agency_name: 'Legislative Branch', treasury_account_symbol: owner.tas }),
    );
    await writeFile(file, fileA(rows));
    expect((await runImport(client, [file])).accountRows).toBe(2);
    const stored = await client.query<{ code: string; tas: string }>(
      `SELECT x.toptier_code AS code, t.tas_rendering_label AS tas FROM appropriation_account_balances AS b
       JOIN submission_attributes AS x USING (submission_id)
       JOIN treasury_appropriation_account AS t USING (treasury_account_identifier)
       WHERE x.reporting_agency_name = 'Legislative Branch' ORDER BY x.toptier_code`,
    );
    expect(stored.rows).toEqual(owners.rows);
    await client.query(
      `DELETE FROM appropriation_account_balances USING submission_attributes AS x
       WHERE x.submission_id = appropriation_account_balances.submission_id
         AND x.reporting_agency_name = 'Legislative Branch'`,
    );
    await client.query(
      `DELETE FROM submission_attributes WHERE reporting_agency_name = 'Legislative Branch'`,
    );
  });

  it('refuses an unknown account or period with the file, line and column, and keeps nothing', async () => {
    const unknown = join(folder, 'unknown_tas.csv');
    await writeFile(
      unknown,
      fileA([row({ submission_period: 'FY2025P07' }), row({ treasury_account_symbol: '999-X-0000-000' })]),
    );
    await expect(runImport(client, [unknown])).rejects.toThrow(
      `${unknown}, line 3, column treasury_account_symbol: "999-X-0000-000": no such treasury account in the reference data`,
    );
    const period = join(folder, 'bad_period.csv');
    await writeFile(period, fileA([row({ submission_period: '2024-Q2' })]));
    await expect(runImport(client, [period])).rejects.toThrow(
      `${period}, line 2, column submission_period: "2024-Q2": not a submission period like FY2020Q3 or FY2021P07`,
    );
    expect(await count('SELECT count(*) AS n FROM submission_attributes')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM appropriation_account_balances')).toBe(1);
  });

  it('refuses federal-account-level files: their rows are sums of treasury accounts', async () => {
    const file = join(folder, 'federal.csv');
    await writeFile(file, `${catalogFor('award_financial.federal_account').headers.join(',')}\r\n`);
    await expect(runImport(client, [file])).rejects.toThrow(
      `${file}: cannot be imported: its header is the award_financial.federal_account list, which sums the treasury accounts of each federal account`,
    );
  });
});
