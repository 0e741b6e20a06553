import request from 'supertest';
import { waitForJob } from '../support/jobs';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

const ZIP_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{8}';
const FILE_A = { fy: 2022, quarter: 2, submission_types: ['account_balances'] };

/** Request-time behaviour that needs the database: lookups, bolstering, column check, cache, routing. */
describe('POST /api/v2/download/accounts/: request handling', () => {
  let seeded: SeededApp;
  const queued: string[] = [];
  const http = () => request(seeded.app.getHttpServer());
  const post = (body: object) => http().post('/api/v2/download/accounts/').send(body);

  /** Accepted requests create jobs: remember them so the app closes only when they are done. */
  async function accepted(body: object): Promise<Record<string, unknown>> {
    const response = await post(body).expect(200);
    const result = response.body as Record<string, unknown>;
    queued.push(result.file_name as string);
    return result;
  }

  const expectError = async (body: object, status: number, detail: string) =>
    expect((await post(body).expect(status)).body).toEqual({ detail });

  beforeAll(async () => {
    // The same-request cache is on here (the default), so that it can be observed.
    seeded = await createSeededApp();
  });

  afterAll(async () => {
    for (const fileName of queued) await waitForJob(seeded.app, fileName);
    await closeSeededApp(seeded);
  });

  it('404 for an unknown agency id or abbreviation (abbreviations are case-sensitive)', async () => {
    const body = (agency: unknown) => ({ account_level: 'treasury_account', filters: { ...FILE_A, agency } });
    await expectError(body('999'), 404, 'No agency was found with id 999');
    await expectError(body(999), 404, 'No agency was found with id 999');
    await expectError(body('-2'), 404, 'No agency was found with abbreviation -2');
    await expectError(body('treas'), 404, 'No agency was found with abbreviation treas');
    // The agency check comes before the quarter/period check (docs/compatibility.md#account-downloads steps 3–4).
    await expectError(
      {
        account_level: 'treasury_account',
        filters: { fy: 2022, agency: 'nope', submission_type: 'award_financial' },
      },
      404,
      'No agency was found with abbreviation nope',
    );
    expect((await accepted(body('ALL'))).file_name).toMatch(/^FY2022P01-P06_All_TAS_/);
  });

  it('rejects an unknown federal account at request time', async () => {
    for (const federal_account of ['-1', '99999999', 'abc'])
      await expectError(
        { account_level: 'federal_account', filters: { ...FILE_A, federal_account } },
        400,
        'Federal Account with that ID does not exist',
      );
  });

  it('checks columns against the requested types at the requested level, for every type', async () => {
    const body = (type: string, level: string, columns: string[]) => ({
      account_level: level,
      filters: { ...FILE_A, submission_types: [type] },
      columns,
    });
    await expectError(
      body('account_balances', 'treasury_account', ['test']),
      400,
      "Unknown columns: ['test']",
    );
    await expectError(
      body('object_class_program_activity', 'federal_account', ['treasury_account_symbol', 'x']),
      400,
      "Unknown columns: ['treasury_account_symbol', 'x']",
    );
    await expectError(
      body('award_financial', 'treasury_account', ['test']),
      400,
      "Unknown columns: ['test']",
    );
    // Both spellings of the suffixed name are accepted.
    for (const name of ['last_modified_date', 'last_modified_date_NAMING_CONFLICT_SUFFIX'])
      await accepted(body('account_balances', 'federal_account', [name]));
  });

  it('lists the DEF codes of the reference table in the enum message', async () => {
    const codes = await seeded.dataSource.query<{ code: string }[]>(
      'SELECT code FROM disaster_emergency_fund_code ORDER BY code COLLATE "C"',
    );
    const list = `[${codes.map((row) => `'${row.code}'`).join(', ')}]`;
    await expectError(
      { account_level: 'treasury_account', filters: { ...FILE_A, def_codes: ['L', 'nope'] } },
      400,
      `Field 'filters|def_codes' is outside valid values ${list}`,
    );
  });

  it.each<[string, object, { quarter: number | null; period: number | null }, string]>([
    [
      'quarter → latest revealed month of it',
      { fy: 2022, quarter: 3 },
      { quarter: 3, period: 9 },
      'FY2022P01-P09',
    ],
    [
      'period → latest revealed quarter ending by it',
      { fy: 2022, period: 8 },
      { quarter: 2, period: 8 },
      'FY2022P01-P08',
    ],
    [
      'no monthly windows before FY2020',
      { fy: 2017, quarter: 3 },
      { quarter: 3, period: null },
      'FY2017Q1-Q3',
    ],
    ['FY2020 turned monthly at P7', { fy: 2020, quarter: 3 }, { quarter: 3, period: 9 }, 'FY2020Q1-P09'],
    ['nothing revealed yet', { fy: 2027, period: 5 }, { quarter: null, period: 5 }, 'FY2027P01-P05'],
  ])('bolsters quarter/period: %s', async (_name, filters, expected, quarters) => {
    const response = await accepted({
      account_level: 'treasury_account',
      filters: { ...filters, submission_types: ['account_balances'] },
    });
    expect(response.download_request).toMatchObject({ filters: expected });
    expect(response.file_name).toMatch(new RegExp(`^${quarters}_All_TAS_AccountBalances_${ZIP_TS}\\.zip$`));
  });

  it('answers with the superset of fields and reuses the job of an identical request', async () => {
    const first = await accepted({
      account_level: 'federal_account',
      filters: { submission_types: ['award_financial', 'account_balances'], fy: '2022', period: '4' },
      file_format: 'csv',
    });
    expect(Object.keys(first)).toEqual([
      'status_url',
      'file_name',
      'file_url',
      'download_request',
      'status',
      'url',
      'message',
      'total_rows',
      'total_size',
      'total_columns',
      'seconds_elapsed',
      // Beyond the reference, after its keys.
      'cancel_token',
    ]);
    expect(first.file_name).toMatch(new RegExp(`^FY2022P01-P04_All_FA_AccountData_${ZIP_TS}\\.zip$`));
    expect(first.status_url).toMatch(
      new RegExp(`/api/v2/download/status\\?file_name=${first.file_name as string}$`),
    );
    const again = await http()
      .post('/api/v2/download/accounts')
      .send({
        file_format: 'CSV',
        filters: { period: 4, fy: 2022, submission_types: ['account_balances', 'award_financial'] },
        account_level: 'federal_account',
      })
      .expect(200);
    expect((again.body as { file_name: string }).file_name).toBe(first.file_name);
  });

  it('answers 405 to other methods', async () => {
    expect((await http().get('/api/v2/download/accounts/').expect(405)).body).toEqual({
      detail: 'Method "GET" not allowed.',
    });
  });
});
