import request from 'supertest';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { SourceKey } from '../../src/catalog/catalog.types';
import { DISASTER_EXAMPLE } from '../../src/disaster-download/disaster-download-examples';
import { dataParts } from '../support/data-parts';
import { downloadFiles } from '../support/download-files';
import { waitForJob } from '../support/jobs';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

const TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{2}';
const ZIP_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{8}';
const COVID = ['L', 'M', 'N', 'O', 'P', 'U', 'V'];
const LIMITED =
  'The Disaster Download is currently limited to either all COVID-19 DEFC or a single COVID-19 DEFC.';

const withoutTimestamp = (name: string): string =>
  name.replace(new RegExp(`_${TS}(_\\d+)?\\.(csv|tsv|txt)$`), '');

describe('POST /api/v2/download/disaster/ (end to end through Bull)', () => {
  let seeded: SeededApp;
  const http = () => request(seeded.app.getHttpServer());
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await seeded.dataSource.query<{ n: string }[]>(sql, params))[0].n);
  let latest: { fy: number; period: number };

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
    const rows = await seeded.dataSource.query<{ fy: number; period: number }[]>(
      `SELECT submission_fiscal_year AS fy, submission_fiscal_month AS period FROM dabs_submission_window_schedule
       WHERE NOT is_quarter AND submission_reveal_date <= now() ORDER BY 1 DESC, 2 DESC LIMIT 1`,
    );
    latest = rows[0];
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it('generates the six files of one DEFC, with its awards, subawards and account rows', async () => {
    const { response, entries, status } = await downloadFiles(
      seeded.app,
      '/api/v2/download/disaster/',
      DISASTER_EXAMPLE,
    );
    expect(response.file_name).toMatch(new RegExp(`^COVID-19_Profile_${ZIP_TS}\\.zip$`));
    expect(response.download_request).toMatchObject({
      account_filters: {
        is_multi_year: true,
        latest_fiscal_period: latest.period,
        latest_fiscal_year: latest.fy,
        start_date: '2020-04-01',
      },
      filters: { def_codes: ['O'] },
      file_format: 'csv',
      request_type: 'disaster',
    });
    const period = `FY${latest.fy}P${String(latest.period).padStart(2, '0')}-Present`;
    const names = [...entries.keys()];
    expect(names.map(withoutTimestamp)).toEqual([
      'Contracts_PrimeAwardSummaries',
      'Assistance_PrimeAwardSummaries',
      'All_Contracts_Subawards',
      'All_Assistance_Subawards',
      `${period}_All_TAS_AccountBalances`,
      `${period}_All_TAS_AccountBreakdownByPA-OC`,
      'Data_Dictionary_Crosswalk.xlsx',
      'COVID-19_download_readme.txt',
    ]);
    const files = [...dataParts(entries).values()];
    const keys: SourceKey[] = [
      'award.d1',
      'award.d2',
      'sub_award.d1',
      'sub_award.d2',
      'gtas_balances.treasury_account',
      'object_class_program_activity.treasury_account',
    ];
    files.forEach((file, index) => expect(file.header).toEqual(catalogFor(keys[index]).headers));
    const awards = (isFpds: boolean) =>
      count(
        `SELECT count(*) AS n FROM award_search WHERE 'O' = ANY(disaster_emergency_fund_codes) AND is_fpds = $1
         AND (total_covid_outlay <> 0 OR total_covid_obligation <> 0)`,
        [isFpds],
      );
    const subawards = (isFpds: boolean) =>
      count(
        `SELECT count(*) AS n FROM subaward_search s JOIN award_search a ON a.award_id = s.award_id
         JOIN transaction_search t ON t.transaction_id = s.latest_transaction_id
         WHERE 'O' = ANY(a.disaster_emergency_fund_codes) AND t.is_fpds = $1
           AND s.sub_action_date >= (SELECT earliest_public_law_enactment_date FROM disaster_emergency_fund_code WHERE code = 'O')`,
        [isFpds],
      );
    const expected = [
      await awards(true),
      await awards(false),
      await subawards(true),
      await subawards(false),
      await count(
        `SELECT count(*) AS n FROM gtas_sf133_balances WHERE disaster_emergency_fund_code = 'O'
         AND (fiscal_year, fiscal_period) IN (SELECT submission_fiscal_year, max(submission_fiscal_month)
           FROM dabs_submission_window_schedule WHERE NOT is_quarter AND submission_reveal_date <= now() GROUP BY 1)`,
      ),
      await count(
        `SELECT count(*) AS n FROM financial_accounts_by_program_activity_object_class b
         JOIN submission_attributes s ON s.submission_id = b.submission_id
         WHERE b.disaster_emergency_fund_code = 'O' AND s.is_final_balances_for_fy`,
      ),
    ];
    expect(files.map((file) => file.records.length)).toEqual(expected);
    expect(expected.every((n) => n > 0)).toBe(true);
    // The DEFC columns only speak of the requested code.
    const defcIndex = files[0].header.indexOf('disaster_emergency_fund_codes');
    for (const record of files[0].records) expect(record[defcIndex]).toMatch(/^O: /);
    expect(status.total_rows).toBe(expected.reduce((a, b) => a + b, 0));
    expect(status.total_columns).toBe(286 + 100 + 118 + 113 + 35 + 59);
  });

  it.each(['tsv', 'pstxt'])('writes %s files when asked', async (format) => {
    const { response, entries } = await downloadFiles(seeded.app, '/api/v2/download/disaster/', {
      filters: { def_codes: ['O'] },
      file_format: format.toUpperCase(),
      columns: ['recipient_name', 'treasury_account_symbol'],
    });
    expect(response.download_request).toMatchObject({
      file_format: format,
      columns: ['recipient_name', 'treasury_account_symbol'],
    });
    const extension = format === 'tsv' ? 'tsv' : 'txt';
    const files = dataParts(entries, extension, format === 'tsv' ? '\t' : '|');
    expect([...files.values()].map((file) => file.header)).toEqual([
      ['recipient_name'],
      ['recipient_name'],
      ['treasury_account_symbol'],
      ['treasury_account_symbol'],
    ]);
  });

  it('answers every all-DEFC form with one pre-generated profile, generating it when there is none', async () => {
    await seeded.dataSource.query(
      `DELETE FROM download_job WHERE file_name LIKE 'COVID-19\\_Profile%' AND request_type = 'covid_profile'`,
    );
    const first = (await http().post('/api/v2/download/disaster/').send({ filters: {} }).expect(200))
      .body as {
      file_name: string;
      download_request: object;
    };
    expect(first.file_name).toMatch(new RegExp(`^COVID-19_Profile_${ZIP_TS}\\.zip$`));
    expect(first.download_request).toEqual({
      filters: {
        def_codes: COVID,
        latest_fiscal_period: String(latest.period).padStart(2, '0'),
        latest_fiscal_year: String(latest.fy),
        start_date: '2020-04-01',
      },
    });
    for (const body of [
      {},
      { filters: null },
      { filters: { def_codes: ['V', 'M', 'N', 'L', 'U', 'O', 'P'] } },
    ]) {
      const again = (await http().post('/api/v2/download/disaster').send(body).expect(200)).body as {
        file_name: string;
      };
      expect(again.file_name).toBe(first.file_name);
    }
    const status = await waitForJob(seeded.app, first.file_name, 120_000);
    expect(status.status).toBe('finished');
  });

  it("builds the profile with the reference's own header lists", async () => {
    const { entries } = await downloadFiles(seeded.app, '/api/v2/download/disaster/', {});
    const period = `FY${latest.fy}P${String(latest.period).padStart(2, '0')}-Present`;
    const names = [...entries.keys()];
    expect(names.map(withoutTimestamp)).toEqual([
      `${period}_All_TAS_AccountBalances`,
      `${period}_All_TAS_AccountBreakdownByPA-OC`,
      'Contracts_PrimeAwardSummaries',
      'Assistance_PrimeAwardSummaries',
      'Contracts_Subawards',
      'Assistance_Subawards',
      'Data_Dictionary_Crosswalk.xlsx',
      'COVID-19_download_readme.txt',
    ]);
    const files = [...dataParts(entries).values()];
    const keys: SourceKey[] = [
      'gtas_balances.treasury_account',
      'covid_profile_object_class_program_activity.treasury_account',
      'covid_profile_award.d1',
      'covid_profile_award.d2',
      'covid_profile_sub_award.d1',
      'covid_profile_sub_award.d2',
    ];
    files.forEach((file, index) => {
      expect(file.header).toEqual(catalogFor(keys[index]).headers);
      expect(file.records.length).toBeGreaterThan(0);
    });
    const covidAwards = await count(
      `SELECT count(*) AS n FROM award_search a JOIN transaction_search l ON l.transaction_id = a.latest_transaction_search_id
       WHERE a.total_covid_obligation <> 0 OR a.total_covid_outlay <> 0`,
    );
    expect(files[2].records.length + files[3].records.length).toBeLessThanOrEqual(covidAwards);
    const permalink = files[2].header.indexOf('usaspending_permalink');
    expect(files[2].records[0][permalink]).toMatch(/^https:\/\/www\.usaspending\.gov\/award\/CONT_AWD_/);
  });

  it.each<[string, object, number, string]>([
    ['/api/v2/download/disaster/', { filters: { def_codes: ['L', 'M'] } }, 400, LIMITED],
    [
      '/api/v2/download/disaster/',
      { filters: { def_codes: ['A'] } },
      400,
      "Field 'filters|def_codes' is outside valid values ['L', 'M', 'N', 'O', 'P', 'U', 'V']",
    ],
    [
      '/api/v2/download/disaster/',
      { filters: { def_codes: [] } },
      422,
      "Field 'filters|def_codes' value '[]' is below min '1' items",
    ],
    [
      '/api/v2/download/disaster/',
      { filters: { def_codes: ['L'] }, columns: ['bogus'] },
      400,
      "Unknown columns: ['bogus']",
    ],
    [
      '/api/v2/download/disaster/',
      { file_format: 'tsv' },
      400,
      'The download of all COVID-19 DEFCs is a pre-generated CSV file with every column: columns and file_format other than csv apply only to a single DEFC (filters.def_codes with one code).',
    ],
  ])('%s %j → %i', async (path, body, code, detail) => {
    expect((await http().post(path).send(body).expect(code)).body).toEqual({ detail });
  });

  it('answers 405 to GET', async () => {
    for (const path of ['/api/v2/download/disaster/', '/api/v2/download/disaster/recipients']) {
      expect((await http().get(path).expect(405)).body).toEqual({ detail: 'Method "GET" not allowed.' });
    }
  });
});
