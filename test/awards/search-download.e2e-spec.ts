import request from 'supertest';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { SourceKey } from '../../src/catalog/catalog.types';
import { SEARCH_EXAMPLE } from '../../src/awards-download/search-download-example';
import { dataParts } from '../support/data-parts';
import { downloadFiles } from '../support/download-files';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

const TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{2}';
const ZIP_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{8}';
const FY2021 = [{ start_date: '2020-10-01', end_date: '2021-09-30' }];

/** `<label>_<ts>` → label, e.g. `Contracts_PrimeAwardSummaries`. */
const labelOf = (base: string): string => base.replace(new RegExp(`_${TS}$`), '');

describe('POST /api/v2/download/search/ (end to end through Bull)', () => {
  let seeded: SeededApp;
  const http = () => request(seeded.app.getHttpServer());
  const count = async (filters: object, level: string): Promise<number> =>
    (
      (await http().post('/api/v2/download/count/').send({ filters, spending_level: level }).expect(200))
        .body as {
        calculated_count: number;
      }
    ).calculated_count;

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it('writes the six files in the reference order, with the row counts the count route announces', async () => {
    const filters = { time_period: FY2021 };
    const { response, entries, status } = await downloadFiles(seeded.app, '/api/v2/download/search/', {
      filters,
    });
    expect(response.file_name).toMatch(new RegExp(`^PrimeAwardsTransactionsAndSubawards_${ZIP_TS}\\.zip$`));
    expect(response.download_request).toMatchObject({
      download_types: ['elasticsearch_awards', 'elasticsearch_sub_awards', 'elasticsearch_transactions'],
      spending_level: ['awards', 'subawards', 'transactions'],
      request_type: 'search',
      limit: 500000,
    });
    const files = [...dataParts(entries).entries()];
    const expected: [string, SourceKey][] = [
      ['Contracts_PrimeAwardSummaries', 'award.d1'],
      ['Assistance_PrimeAwardSummaries', 'award.d2'],
      ['Contracts_Subawards', 'sub_award.d1'],
      ['Assistance_Subawards', 'sub_award.d2'],
      ['Contracts_PrimeTransactions', 'transaction.d1'],
      ['Assistance_PrimeTransactions', 'transaction.d2'],
    ];
    expect(files.map(([base]) => labelOf(base))).toEqual(expected.map(([label]) => label));
    expect([...entries.keys()].every((name) => new RegExp(`_${TS}_1\\.csv$`).test(name))).toBe(true);
    files.forEach(([, file], index) => expect(file.header).toEqual(catalogFor(expected[index][1]).headers));
    const rows = files.reduce((sum, [, file]) => sum + file.records.length, 0);
    const expectedRows =
      (await count(filters, 'awards')) +
      (await count(filters, 'transactions')) +
      (await count(filters, 'subawards'));
    expect(rows).toBe(expectedRows);
    expect(status.total_rows).toBe(expectedRows);
    expect(status.total_columns).toBe(286 + 100 + 118 + 113 + 297 + 112);
    for (const [label] of expected) {
      const file = files.find(([base]) => labelOf(base) === label)![1];
      expect(file.records.length).toBeGreaterThan(0);
    }
  });

  it('produces only the files of the chosen levels and award types; columns absent from a file leave it empty', async () => {
    const { entries, response } = await downloadFiles(seeded.app, '/api/v2/download/search', {
      filters: { award_type_codes: ['A'] },
      columns: [
        'total_obligated_amount',
        'product_or_service_code',
        'product_or_service_code_description',
        'naics_code',
        'naics_description',
      ],
      limit: 3,
    });
    const names = [...entries.keys()];
    expect(names.map((name) => name.replace(new RegExp(`_${TS}(_1)?\\.csv$`), ''))).toEqual([
      'Contracts_PrimeAwardSummaries',
      'Contracts_Subawards',
      'Contracts_PrimeTransactions',
    ]);
    // The subaward list has none of these columns: a 0-byte file without part suffix.
    expect(names[1]).toMatch(new RegExp(`^Contracts_Subawards_${TS}\\.csv$`));
    expect(entries.get(names[1])!.length).toBe(0);
    const awards = dataParts(entries).get(names[0].replace(/_1\.csv$/, ''))!;
    expect(awards.header).toEqual([
      'total_obligated_amount',
      'product_or_service_code',
      'product_or_service_code_description',
      'naics_code',
      'naics_description',
    ]);
    expect(awards.records).toHaveLength(3);
    expect(response.download_request).toMatchObject({ filters: { award_type_codes: ['A'] }, limit: 3 });

    const onlyAwards = await downloadFiles(seeded.app, '/api/v2/download/search/', {
      filters: { award_type_codes: ['A'] },
      spending_level: ['AWARDS'],
      file_format: 'TSV',
    });
    expect(onlyAwards.response.download_request).toMatchObject({
      download_types: ['elasticsearch_awards'],
      spending_level: ['awards', 'subawards', 'transactions'],
      file_format: 'tsv',
    });
    const pipe = await downloadFiles(seeded.app, '/api/v2/download/search/', {
      filters: { award_type_codes: ['02', '03', '04', '05'] },
      spending_level: ['subawards', 'transactions'],
      file_format: 'pstxt',
      limit: 5,
    });
    const pipeFiles = [...dataParts(pipe.entries, 'txt', '|').keys()].map(labelOf);
    expect(pipeFiles).toEqual(['Assistance_Subawards', 'Assistance_PrimeTransactions']);
    for (const file of dataParts(pipe.entries, 'txt', '|').values())
      expect(file.records.length).toBeLessThanOrEqual(5);
    expect([...onlyAwards.entries.keys()]).toEqual([
      expect.stringMatching(new RegExp(`^Contracts_PrimeAwardSummaries_${TS}_1\\.tsv$`)),
    ]);
  });

  it("accepts the reference's date_signed time period and its Swagger example returns rows", async () => {
    await http()
      .post('/api/v2/download/search/')
      .send({
        filters: {
          time_period: [{ date_type: 'date_signed', start_date: '2017-12-31', end_date: '2018-01-02' }],
        },
      })
      .expect(200);
    const { entries } = await downloadFiles(seeded.app, '/api/v2/download/search/', SEARCH_EXAMPLE);
    const files = [...dataParts(entries).values()];
    expect(files).toHaveLength(6);
    for (const file of files) expect(file.records.length).toBeGreaterThan(0);
  });

  it.each<[object, number, string]>([
    [{ filters: '01', columns: [] }, 400, 'Filters parameter not provided as a dict'],
    [{}, 400, 'Filters parameter not provided as a dict'],
    [{ filters: {} }, 400, 'At least one filter is required.'],
    [
      { filters: { award_type_codes: ['A'] }, spending_level: ['sans'] },
      400,
      'Invalid parameter: spending_level must be "awards", "subawards", or "transactions"',
    ],
    [
      { filters: { award_type_codes: ['A'] }, spending_level: [] },
      422,
      "Field 'spending_level' value '[]' is below min '1' items",
    ],
    [
      { filters: { award_type_codes: ['A'] }, limit: 500001 },
      422,
      "Field 'limit' value '500001' is above max '500000'",
    ],
    [{ filters: { award_type_codes: ['A'] }, columns: ['bogus'] }, 400, "Unknown columns: ['bogus']"],
  ])('%j → %i %s', async (body, code, detail) => {
    expect((await http().post('/api/v2/download/search/').send(body).expect(code)).body).toEqual({ detail });
  });

  it('answers 405 to GET', async () => {
    expect((await http().get('/api/v2/download/search/').expect(405)).body).toEqual({
      detail: 'Method "GET" not allowed.',
    });
  });
});
