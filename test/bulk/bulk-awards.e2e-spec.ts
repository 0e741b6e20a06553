import request from 'supertest';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { CatalogKey } from '../../src/catalog/catalog.types';
import { downloadFiles } from '../support/download-files';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { dataFiles, DataFile, INNER_TS, ZIP_TS } from './bulk-files';
import { SEED_BULK_EXAMPLE as SEED_EXAMPLE } from '../../src/download-request/seed-examples';

const CONTRACTS = ['A', 'B', 'C', 'D'];
const GRANTS = ['02', '03', '04', '05', 'F001', 'F002'];
const PART_ROWS = 40;

describe('POST /api/v2/bulk_download/awards/ (end to end through Bull)', () => {
  let seeded: SeededApp;
  const fileNames: string[] = [];
  const http = () => request(seeded.app.getHttpServer());
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await seeded.dataSource.query<{ n: string }[]>(sql, params))[0].n);

  async function bulk(body: object, path = '/api/v2/bulk_download/awards/') {
    const result = await downloadFiles(seeded.app, path, body);
    fileNames.push(result.response.file_name as string);
    return { ...result, files: dataFiles(result.entries) };
  }

  /** Transactions an agency awarded in a window, of some codes, as an independent query. */
  const transactionCount = (agency: string, start: string, end: string, codes: string[], fpds: boolean) =>
    count(
      `SELECT count(*) AS n FROM transaction_search WHERE awarding_toptier_agency_name = $1
       AND action_date BETWEEN $2 AND $3 AND type = ANY($4) AND is_fpds = $5`,
      [agency, start, end, codes, fpds],
    );

  const subawardCount = (agency: string, start: string, end: string, fpds: boolean) =>
    count(
      `SELECT count(*) AS n FROM subaward_search s JOIN transaction_search t ON t.transaction_id = s.latest_transaction_id
       WHERE s.awarding_agency_name = $1 AND s.sub_action_date BETWEEN $2 AND $3 AND t.is_fpds = $4`,
      [agency, start, end, fpds],
    );

  function expectCatalogHeader(file: DataFile, key: CatalogKey): void {
    expect(file.header).toEqual(catalogFor(key).headers);
  }

  beforeAll(async () => {
    seeded = await createSeededApp({
      DOWNLOAD_CACHE_ENABLED: 'false',
      ROWS_PER_FILE_PART: String(PART_ROWS),
    });
  });

  afterAll(async () => {
    await seeded.dataSource.query(`DELETE FROM download_job WHERE file_name = ANY($1)`, [fileNames]);
    await closeSeededApp(seeded);
  });

  it('answers the seed’s example body, sent as is, with a correct zip', async () => {
    const { response, status, files, entries } = await bulk(SEED_EXAMPLE);
    expect(Object.keys(response)).toEqual([
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
    expect(response.file_name).toMatch(new RegExp(`^All_SubawardsAndPrimeTransactions_${ZIP_TS}\\.zip$`));
    expect(response.status_url).toMatch(
      /\/api\/v2\/download\/status\?file_name=All_SubawardsAndPrimeTransactions_/,
    );
    expect(response).toMatchObject({ status: 'ready', url: response.file_url, message: null });
    expect(response.download_request).toEqual({
      download_types: ['elasticsearch_sub_awards', 'prime_awards'],
      file_format: 'csv',
      filters: {
        agencies: [{ name: 'National Science Foundation', tier: 'toptier', type: 'awarding' }],
        prime_and_sub_award_types: {
          elasticsearch_sub_awards: ['grant', 'procurement'],
          prime_awards: [...GRANTS.slice(0, 4), ...CONTRACTS, 'F001', 'F002'],
        },
        time_period: [{ date_type: 'action_date', end_date: '2019-12-31', start_date: '2019-01-01' }],
      },
      request_type: 'award',
    });
    // Subaward files first (elasticsearch_sub_awards sorts before prime_awards), Contracts before Assistance.
    expect([...entries.keys()].map((name) => name.replace(new RegExp(`_${INNER_TS}_`), '_<ts>_'))).toEqual([
      'All_Contracts_Subawards_<ts>_1.csv',
      'All_Assistance_Subawards_<ts>_1.csv',
      'All_Contracts_PrimeTransactions_<ts>_1.csv',
      'All_Assistance_PrimeTransactions_<ts>_1.csv',
    ]);
    const [subContracts, subAssistance, primeContracts, primeAssistance] = files;
    expectCatalogHeader(subContracts, 'sub_award.d1');
    expectCatalogHeader(subAssistance, 'sub_award.d2');
    expectCatalogHeader(primeContracts, 'transaction.d1');
    expectCatalogHeader(primeAssistance, 'transaction.d2');
    const nsf = ['National Science Foundation', '2019-01-01', '2019-12-31'] as const;
    expect(primeContracts.rows).toHaveLength(await transactionCount(...nsf, CONTRACTS, true));
    expect(primeAssistance.rows).toHaveLength(await transactionCount(...nsf, GRANTS, false));
    expect(primeContracts.rows.length + primeAssistance.rows.length).toBeGreaterThan(0);
    expect(subContracts.rows).toHaveLength(await subawardCount(...nsf, true));
    expect(subAssistance.rows).toHaveLength(await subawardCount(...nsf, false));
    for (const row of [...primeContracts.rows, ...primeAssistance.rows]) {
      expect(row.awarding_agency_name).toBe('National Science Foundation');
      expect(row.action_date >= '2019-01-01' && row.action_date <= '2019-12-31').toBe(true);
    }
    expect(primeContracts.rows.every((row) => CONTRACTS.includes(row.award_type_code))).toBe(true);
    expect(primeAssistance.rows.every((row) => GRANTS.includes(row.assistance_type_code))).toBe(true);
    expect(status.total_rows).toBe(files.reduce((sum, file) => sum + file.rows.length, 0));
  });

  it('applies the seed form’s sub_agency, location district and every category', async () => {
    const [slice] = await seeded.dataSource.query<
      { id: number; top: string; sub: string; state: string; district: string }[]
    >(
      `SELECT t.toptier_agency_id AS id, ts.awarding_toptier_agency_name AS top, ts.awarding_subtier_agency_name AS sub,
              ts.recipient_location_state_code AS state, min(ts.recipient_location_congressional_code) AS district
       FROM transaction_search ts JOIN toptier_agency t ON t.name = ts.awarding_toptier_agency_name
       WHERE ts.action_date BETWEEN '2019-01-01' AND '2019-12-31' AND ts.awarding_subtier_agency_name <> t.name
         AND ts.recipient_location_congressional_code IS NOT NULL
       GROUP BY 1, 2, 3, 4 ORDER BY count(*) DESC, 1, 3, 4 LIMIT 1`,
    );
    const { response, files } = await bulk({
      filters: {
        agency: slice.id,
        sub_agency: slice.sub,
        award_types: [
          'contracts',
          'idvs',
          'grants',
          'direct_payments',
          'loans',
          'other_financial_assistance',
        ],
        date_range: { start_date: '2019-01-01', end_date: '2019-12-31' },
        date_type: 'action_date',
        recipient_locations: [{ country: 'USA', state: slice.state, district: slice.district }],
      },
      award_levels: ['prime_awards'],
    });
    expect(response.download_request).toMatchObject({
      filters: {
        agencies: [{ name: slice.sub, tier: 'subtier', toptier_name: slice.top, type: 'awarding' }],
        recipient_locations: [{ country: 'USA', district_original: slice.district, state: slice.state }],
      },
    });
    const expected = await count(
      `SELECT count(*) AS n FROM transaction_search WHERE awarding_subtier_agency_name = $1
       AND awarding_toptier_agency_name = $2 AND action_date BETWEEN '2019-01-01' AND '2019-12-31'
       AND recipient_location_country_code = 'USA' AND recipient_location_state_code = $3
       AND recipient_location_congressional_code = $4`,
      [slice.sub, slice.top, slice.state, slice.district],
    );
    const rows = files.flatMap((file) => file.rows);
    expect(expected).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected);
    expect(rows.every((row) => row.awarding_sub_agency_name === slice.sub)).toBe(true);
  });

  it('answers the newer form (prime and sub types, agency id as text, columns) without the trailing slash', async () => {
    const [busiest] = await seeded.dataSource.query<{ id: number; name: string }[]>(
      `SELECT t.toptier_agency_id AS id, t.name FROM subaward_search s JOIN toptier_agency t ON t.name = s.awarding_agency_name
       WHERE s.sub_action_date BETWEEN '2019-10-01' AND '2020-09-30' GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const { response, files } = await bulk(
      {
        filters: {
          agency: String(busiest.id),
          prime_award_types: GRANTS,
          sub_award_types: ['procurement', 'grant'],
          date_range: { start_date: '2019-10-01', end_date: '2020-09-30' },
        },
        columns: [
          'prime_award_unique_key',
          'subaward_number',
          'assistance_transaction_unique_key',
          'action_date',
        ],
      },
      '/api/v2/bulk_download/awards',
    );
    expect(response.file_name).toMatch(new RegExp(`^All_SubawardsAndPrimeTransactions_${ZIP_TS}\\.zip$`));
    expect(files.map((file) => file.label)).toEqual([
      'All_Contracts_Subawards',
      'All_Assistance_Subawards',
      'All_Assistance_PrimeTransactions',
    ]);
    expect(files[0].header).toEqual(['prime_award_unique_key', 'subaward_number']);
    expect(files[2].header).toEqual(['assistance_transaction_unique_key', 'action_date']);
    const window = [busiest.name, '2019-10-01', '2020-09-30'] as const;
    expect(files[0].rows).toHaveLength(await subawardCount(...window, true));
    expect(files[1].rows).toHaveLength(await subawardCount(...window, false));
    expect(files[0].rows.length + files[1].rows.length).toBeGreaterThan(0);
    expect(files[2].rows).toHaveLength(await transactionCount(...window, GRANTS, false));
  });

  it(`cuts large files into parts of ${PART_ROWS} rows, each with the header (tsv)`, async () => {
    const fy2020 = { start_date: '2019-10-01', end_date: '2020-09-30' };
    const result = await downloadFiles(seeded.app, '/api/v2/bulk_download/awards/', {
      filters: { agency: 'all', prime_award_types: CONTRACTS, date_range: fy2020 },
      file_format: 'TSV',
    });
    fileNames.push(result.response.file_name as string);
    const expected = await count(
      `SELECT count(*) AS n FROM transaction_search WHERE action_date BETWEEN $1 AND $2 AND type = ANY($3) AND is_fpds`,
      [fy2020.start_date, fy2020.end_date, CONTRACTS],
    );
    const [file, ...others] = dataFiles(result.entries, 'tsv', '\t');
    expect(others).toEqual([]);
    expect(file.label).toBe('All_Contracts_PrimeTransactions');
    expectCatalogHeader(file, 'transaction.d1');
    expect(expected).toBeGreaterThan(PART_ROWS);
    expect(file.rows).toHaveLength(expected);
    expect(file.parts).toHaveLength(Math.ceil(expected / PART_ROWS));
    expect(file.partNames.map((name) => /_(\d+)\.tsv$/.exec(name)?.[1])).toEqual(
      file.parts.map((_part, index) => String(index + 1)),
    );
    for (const part of file.parts.slice(0, -1)) expect(part).toHaveLength(PART_ROWS + 1);
    expect(result.status.total_rows).toBe(expected);
  });

  it('runs keyword mode as a row-limited PrimeTransactions download without the All_ prefix', async () => {
    const { response, files } = await bulk({
      filters: { keyword: 'head start' },
      award_levels: ['prime_awards'],
    });
    expect(response.file_name).toMatch(new RegExp(`^PrimeTransactions_${ZIP_TS}\\.zip$`));
    expect(response.download_request).toMatchObject({
      download_types: ['prime_awards'],
      filters: { transaction_keyword_search: ['head start'] },
      limit: 500000,
    });
    expect(files.map((file) => file.label)).toEqual([
      'Contracts_PrimeTransactions',
      'Assistance_PrimeTransactions',
    ]);
    const counted = await http()
      .post('/api/v2/download/count/')
      .send({ filters: { keywords: ['head start'] }, spending_level: 'transactions' })
      .expect(200);
    const rows = files[0].rows.length + files[1].rows.length;
    expect(rows).toBe((counted.body as { calculated_count: number }).calculated_count);
    expect(rows).toBeGreaterThan(0);
  });
});
