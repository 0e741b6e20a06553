import request from 'supertest';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { AWARD_TYPE_CODES } from '../../src/download-request/award-types/award-type-codes.constants';
import { parseCsv } from '../support/csv-records';
import { downloadFiles } from '../support/download-files';
import { waitForJob } from '../support/jobs';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { SEED_AWARD_EXAMPLE as SEED_EXAMPLE } from '../../src/download-request/seed-examples';

const TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{2}';
const ZIP_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{8}';
const FY2021 = [{ start_date: '2020-10-01', end_date: '2021-09-30' }];

describe('POST /api/v2/download/awards/ and /transactions/ (end to end through Bull)', () => {
  let seeded: SeededApp;
  const http = () => request(seeded.app.getHttpServer());

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it("answers the seed's example with the reference's fields and canonical download_request", async () => {
    const { response, entries, status } = await downloadFiles(
      seeded.app,
      '/api/v2/download/awards/',
      SEED_EXAMPLE,
    );
    expect(Object.keys(response).slice(0, 4)).toEqual([
      'status_url',
      'file_name',
      'file_url',
      'download_request',
    ]);
    expect(response.file_name).toMatch(new RegExp(`^PrimeAwardSummariesAndSubawards_${ZIP_TS}\\.zip$`));
    expect(response.status_url).toMatch(
      /\/api\/v2\/download\/status\?file_name=PrimeAwardSummariesAndSubawards_/,
    );
    expect(response).toMatchObject({ status: 'ready', url: response.file_url });
    expect(response.download_request).toEqual({
      columns: SEED_EXAMPLE.columns,
      download_types: ['elasticsearch_awards', 'elasticsearch_sub_awards'],
      file_format: 'csv',
      filters: { award_type_codes: [...AWARD_TYPE_CODES].sort(), keywords: ['Defense'] },
      limit: 500000,
      request_type: 'award',
    });
    // Contracts files have none of the requested (assistance) columns: written empty, without a part suffix.
    const names = [...entries.keys()];
    expect(names).toHaveLength(4);
    expect(names[0]).toMatch(new RegExp(`^Contracts_PrimeAwardSummaries_${TS}\\.csv$`));
    expect(names[1]).toMatch(new RegExp(`^Assistance_PrimeAwardSummaries_${TS}_1\\.csv$`));
    expect(names[2]).toMatch(new RegExp(`^Contracts_Subawards_${TS}\\.csv$`));
    expect(names[3]).toMatch(new RegExp(`^Assistance_Subawards_${TS}\\.csv$`));
    expect(entries.get(names[0])!.length).toBe(0);
    expect(entries.get(names[1])!.toString('utf8').split('\r\n')[0]).toBe(SEED_EXAMPLE.columns.join(','));
    expect(status.total_columns).toBe(5);
  });

  it('writes every column of the catalog, in order, and as many rows as the count route announces', async () => {
    const filters = { time_period: FY2021 };
    const { entries, status } = await downloadFiles(seeded.app, '/api/v2/download/transactions', { filters });
    const names = [...entries.keys()];
    const expected: [RegExp, string][] = [
      [new RegExp(`^Contracts_Subawards_${TS}_1\\.csv$`), 'sub_award.d1'],
      [new RegExp(`^Assistance_Subawards_${TS}_1\\.csv$`), 'sub_award.d2'],
      [new RegExp(`^Contracts_PrimeTransactions_${TS}_1\\.csv$`), 'transaction.d1'],
      [new RegExp(`^Assistance_PrimeTransactions_${TS}_1\\.csv$`), 'transaction.d2'],
    ];
    expect(names).toHaveLength(4);
    let dataRows = 0;
    names.forEach((name, index) => {
      const [pattern, key] = expected[index];
      expect(name).toMatch(pattern);
      const text = entries.get(name)!.toString('utf8');
      const records = parseCsv(text);
      expect(records[0]).toEqual(catalogFor(key as Parameters<typeof catalogFor>[0]).headers);
      expect(text.endsWith('\r\n')).toBe(true);
      dataRows += records.length - 1;
    });
    const count = async (level: string) =>
      (
        (await http().post('/api/v2/download/count/').send({ filters, spending_level: level }).expect(200))
          .body as { calculated_count: number }
      ).calculated_count;
    const expectedRows = (await count('transactions')) + (await count('subawards'));
    expect(dataRows).toBe(expectedRows);
    expect(status.total_rows).toBe(expectedRows);
    expect(expectedRows).toBeGreaterThan(0);
  });

  it('keeps the requested column order, applies limit per file, and writes tsv and pipe files', async () => {
    const columns = ['total_obligated_amount', 'award_id_piid', 'prime_award_unique_key', 'subaward_number'];
    const { entries } = await downloadFiles(seeded.app, '/api/v2/download/awards/', {
      filters: { time_period: FY2021, award_type_codes: ['A', 'B', 'C', 'D'] },
      columns,
      limit: 7,
      file_format: 'TSV',
    });
    const names = [...entries.keys()];
    expect(names.every((name) => name.startsWith('Contracts_'))).toBe(true);
    const awards = names.find((name) => name.includes('PrimeAwardSummaries'))!;
    expect(awards).toMatch(/_1\.tsv$/);
    const rows = parseCsv(entries.get(awards)!.toString('utf8'), '\t');
    expect(rows[0]).toEqual(['total_obligated_amount', 'award_id_piid']);
    expect(rows.length - 1).toBe(7);

    const pipe = await downloadFiles(seeded.app, '/api/v2/download/awards/', {
      filters: { time_period: FY2021 },
      columns: ['award_id_fain', 'recipient_name'],
      file_format: 'pstxt',
    });
    const assistance = [...pipe.entries.keys()].find((name) =>
      name.startsWith('Assistance_PrimeAwardSummaries'),
    )!;
    expect(assistance).toMatch(/_1\.txt$/);
    expect(pipe.entries.get(assistance)!.toString('utf8').split('\r\n')[0]).toBe(
      'award_id_fain|recipient_name',
    );
  });

  it('rejects unknown columns at request time, naming only them', async () => {
    const response = await http()
      .post('/api/v2/download/transactions/')
      .send({ filters: { keywords: ['test'] }, columns: ['modification_number', 'bogus_column'] })
      .expect(400);
    expect(response.body).toEqual({ detail: "Unknown columns: ['bogus_column']" });
  });

  it('accepts both spellings of the two conflicting column names', async () => {
    await http()
      .post('/api/v2/download/awards/')
      .send({
        filters: { keywords: ['test'] },
        columns: ['disaster_emergency_fund_codes', 'last_modified_date_NAMING_CONFLICT_SUFFIX'],
      })
      .expect(200);
  });

  it.each([
    [{ columns: ['award_id_piid'] }, 400, 'Filters parameter not provided as a dict'],
    [{ filters: {} }, 400, 'At least one filter is required.'],
    [{ filters: { keywords: ['ab'] } }, 422, "Field 'filters|keywords' value 'ab' is below min '3' items"],
    [
      { filters: { keywords: ['abc'] }, limit: 500001 },
      422,
      "Field 'limit' value '500001' is above max '500000'",
    ],
    [
      { filters: { keywords: ['abc'] }, limit: 'wombats' },
      400,
      "Invalid value in 'limit'. 'wombats' is not a valid type (integer)",
    ],
    [
      { filters: { keywords: ['abc'] }, file_format: 'xlsx' },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
    [
      { filters: { award_type_codes: [] } },
      422,
      "Field 'filters|award_type_codes' value '[]' is below min '1' items",
    ],
    [{ filters: { time_period: [{}] } }, 400, "'filters|time_period' is empty. Please populate object"],
    [
      { filters: { legal_entities: [12] } },
      400,
      "This service cannot apply the filter 'legal_entities'; remove it from the request.",
    ],
    [[1, 2], 400, 'The request body must be a JSON object.'],
  ])('answers %j with %i %s', async (body, code, detail) => {
    const response = await http().post('/api/v2/download/awards/').send(body).expect(code);
    expect(response.body).toEqual({ detail });
  });

  it('refuses a count filter it cannot apply instead of ignoring it', async () => {
    const response = await http()
      .post('/api/v2/download/count/')
      .send({ filters: { recipient_id: 'abc-R' } })
      .expect(400);
    expect(response.body).toEqual({
      detail: "This service cannot apply the filter 'recipient_id'; remove it from the request.",
    });
  });

  it('answers 405 to GET on the POST routes', async () => {
    for (const path of [
      '/api/v2/download/awards/',
      '/api/v2/download/transactions',
      '/api/v2/download/count/',
    ]) {
      const response = await http().get(path).expect(405);
      expect(response.body).toEqual({ detail: 'Method "GET" not allowed.' });
    }
  });
});

describe('same-request cache', () => {
  let seeded: SeededApp;
  beforeAll(async () => {
    seeded = await createSeededApp();
  });
  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it('remembers a count until the data changes', async () => {
    const piid = `COUNTCACHE${Date.now()}`;
    const count = async () =>
      (
        (
          await request(seeded.app.getHttpServer())
            .post('/api/v2/download/count/')
            .send({ filters: { award_ids: [piid] } })
            .expect(200)
        ).body as { calculated_count: number }
      ).calculated_count;
    const markLoaded = () =>
      seeded.dataSource.query(
        `INSERT INTO external_data_load_date (load_type, last_load_date) VALUES ('awards', clock_timestamp())
         ON CONFLICT (load_type) DO UPDATE SET last_load_date = EXCLUDED.last_load_date`,
      );
    expect(await count()).toBe(0);
    const id = -(Date.now() % 1_000_000_000);
    await seeded.dataSource.query(
      `INSERT INTO transaction_search (transaction_id, is_fpds, piid, detached_award_proc_unique, action_date)
       VALUES ($1, true, $2, $2, '2020-01-15')`,
      [id, piid],
    );
    try {
      expect(await count()).toBe(0);
      await markLoaded();
      expect(await count()).toBe(1);
    } finally {
      await seeded.dataSource.query('DELETE FROM transaction_search WHERE transaction_id = $1', [id]);
      // The delete is journaled for the next delta archive; this row was never real data.
      await seeded.dataSource.query(
        'DELETE FROM transaction_delete_journal WHERE transaction_unique_key = $1',
        [piid],
      );
      await markLoaded();
    }
  });

  it('returns the earlier file for an identical request (key and list order aside) until data changes', async () => {
    // Unique per run: the test database keeps jobs (and their cache entries) between runs.
    const keyword = `cache${Date.now()}`;
    const post = (body: object) =>
      request(seeded.app.getHttpServer()).post('/api/v2/download/awards/').send(body).expect(200);
    const first = (await post({ filters: { award_type_codes: ['B', 'A'], keywords: [keyword] } })).body as {
      file_name: string;
    };
    const same = (await post({ filters: { keywords: [keyword], award_type_codes: ['A', 'B'] } })).body as {
      file_name: string;
    };
    expect(same.file_name).toBe(first.file_name);
    const otherColumns = (
      await post({
        filters: { keywords: [keyword], award_type_codes: ['A', 'B'] },
        columns: ['award_id_piid'],
      })
    ).body as { file_name: string };
    expect(otherColumns.file_name).not.toBe(first.file_name);
    // A job that finishes after a data load was generated from the new data, so the load must come later.
    await waitForJob(seeded.app, first.file_name);

    await seeded.dataSource.query(
      `INSERT INTO external_data_load_date (load_type, last_load_date) VALUES ('awards', clock_timestamp())
       ON CONFLICT (load_type) DO UPDATE SET last_load_date = EXCLUDED.last_load_date`,
    );
    const afterLoad = (await post({ filters: { keywords: [keyword], award_type_codes: ['A', 'B'] } }))
      .body as { file_name: string };
    expect(afterLoad.file_name).not.toBe(first.file_name);
  });
});
