import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { runImport } from '../../src/import/importer';
import { ImportFileError } from '../../src/import/stage-copy.util';
import { dropDatabase, siblingDatabase } from '../support/sibling-database';

const HEADERS = catalogFor('transaction.d2').headers;

/** An assistance transaction file: the given values by header, empty elsewhere, quoted where needed. */
function assistanceFile(rows: Record<string, string>[], terminator = '\r\n'): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [HEADERS.join(','), ...rows.map((row) => HEADERS.map((h) => quote(row[h] ?? '')).join(','))]
    .map((line) => line + terminator)
    .join('');
}

const row = (key: string, extra: Record<string, string> = {}): Record<string, string> => ({
  assistance_transaction_unique_key: key,
  assistance_award_unique_key: `ASST_NON_${key}`,
  action_date: '2024-03-05',
  modification_number: '0',
  awarding_agency_code: '012',
  awarding_sub_agency_code: '12D2',
  federal_action_obligation: '100.00',
  ...extra,
});

/** Parsing (quotes, line breaks in values, \r\n) and refusals: a bad file is rejected whole, naming file, line and column. */
describe('import: parsing and refusals', () => {
  let databaseUrl: string;
  let client: Client;
  let folder: string;
  const transactions = async () =>
    Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM transaction_search')).rows[0].n);

  beforeAll(async () => {
    databaseUrl = await siblingDatabase('import_errors');
    client = new Client({ connectionString: databaseUrl });
    await client.connect();
    folder = await mkdtemp(join(tmpdir(), 'import-errors-'));
  }, 120_000);

  afterAll(async () => {
    await client.end();
    await dropDatabase(databaseUrl);
  });

  it('reads quoted values with commas, quotes and line breaks, with \\r\\n or \\n records, blank lines skipped', async () => {
    const description = 'ROADS, BRIDGES\r\nAND "TUNNELS"\nPHASE 2';
    const crlf = join(folder, 'crlf.csv');
    const lf = join(folder, 'lf.csv');
    await writeFile(crlf, assistanceFile([row('A1', { transaction_description: description }), row('A2')]));
    // A blank line at the end (as an editor may leave) is skipped.
    await writeFile(
      lf,
      assistanceFile([row('A3', { transaction_description: 'ÉCOLE “NOUVELLE”' })], '\n') + '\n',
    );
    const report = await runImport(client, [crlf, lf]);
    expect(report.files.map((file) => file.rows)).toEqual([2, 1]);
    expect(report.awardsRefreshed).toBe(3);
    const stored = await client.query<{
      key: string;
      description: string;
      fiscal_year: number;
      agency: string;
    }>(
      `SELECT afa_generated_unique AS key, transaction_description AS description, fiscal_year,
              awarding_toptier_agency_code AS agency
       FROM transaction_search ORDER BY afa_generated_unique`,
    );
    expect(stored.rows).toEqual([
      { key: 'A1', description, fiscal_year: 2024, agency: '012' },
      { key: 'A2', description: null, fiscal_year: 2024, agency: '012' },
      { key: 'A3', description: 'ÉCOLE “NOUVELLE”', fiscal_year: 2024, agency: '012' },
    ]);
  });

  it('rejects a value its column cannot hold with the file, line (after line breaks in values) and header', async () => {
    const good = join(folder, 'good.csv');
    const bad = join(folder, 'bad.csv');
    await writeFile(good, assistanceFile([row('B1')]));
    await writeFile(
      bad,
      assistanceFile([
        row('B2', { transaction_description: 'TWO\r\nLINES' }),
        row('B3', { action_date: '2024-13-45' }),
      ]),
    );
    const before = await transactions();
    const failure = runImport(client, [good, bad]);
    await expect(failure).rejects.toThrow(ImportFileError);
    await expect(failure).rejects.toThrow(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}, line 4, column action_date: `),
    );
    expect(await transactions()).toBe(before);
    // A skipped blank line still counts as a line of the file.
    const blank = join(folder, 'blank.csv');
    const lines = assistanceFile([row('B4'), row('B5', { action_date: '2024-13-45' })]).split('\r\n');
    await writeFile(blank, [...lines.slice(0, 2), '', ...lines.slice(2)].join('\r\n'));
    await expect(runImport(client, [blank])).rejects.toThrow(
      new RegExp(`^${blank.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}, line 4, column action_date: `),
    );
  });

  it('rejects a record with the wrong number of values, a missing key and an unknown header row', async () => {
    const short = join(folder, 'short.csv');
    await writeFile(short, assistanceFile([row('C1')]) + 'C2,ASST_NON_C2\r\n');
    await expect(runImport(client, [short])).rejects.toThrow(
      `${short}, line 3: 2 values where the header has ${HEADERS.length} columns`,
    );
    const keyless = join(folder, 'keyless.csv');
    await writeFile(keyless, assistanceFile([row('C3'), row('')]));
    await expect(runImport(client, [keyless])).rejects.toThrow(
      `${keyless}, line 3, column assistance_transaction_unique_key: a value is required`,
    );
    const unknown = join(folder, 'unknown.csv');
    await writeFile(unknown, 'a,b\r\n1,2\r\n');
    await expect(runImport(client, [unknown])).rejects.toThrow(
      `${unknown}: cannot be imported: its header row matches no prime transaction, delta, subaward or treasury-account-level account file`,
    );
    await expect(runImport(client, [join(folder, 'missing.zip')])).rejects.toThrow('no such file or folder');
    expect(await transactions()).toBe(3);
  });
});
