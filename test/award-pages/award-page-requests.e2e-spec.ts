import request from 'supertest';
import { AWARD_PAGE_EXAMPLES } from '../../src/award-page-download/award-page-examples';
import { parseCsv } from '../support/csv-records';
import { dataParts } from '../support/data-parts';
import { downloadFiles } from '../support/download-files';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

describe('award-page downloads: refused requests', () => {
  let seeded: SeededApp;
  const http = () => request(seeded.app.getHttpServer());

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it.each<[string, object, number, string]>([
    [
      '/api/v2/download/assistance/',
      { award_id: -1 },
      400,
      'Unable to find award matching the provided award id',
    ],
    [
      '/api/v2/download/idv/',
      { award_id: 'CONT_IDV_nope' },
      400,
      'Unable to find award matching the provided award id',
    ],
    // Beyond int64 a digit string is no integer: it is looked up as a generated id, and not found.
    [
      '/api/v2/download/contract',
      { award_id: '99999999999999999999' },
      400,
      'Unable to find award matching the provided award id',
    ],
    ['/api/v2/download/idv/', {}, 422, "Missing value: 'award_id' is a required field"],
    [
      '/api/v2/download/idv/',
      { award_id: 1, columns: ['modification_number', 'bogus'] },
      400,
      "Unknown columns: ['bogus']",
    ],
    [
      '/api/v2/download/contract/',
      { award_id: 1, file_format: 'CSV' },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
  ])('%s %j → %i %s', async (path, body, status, detail) => {
    const response = await http().post(path).send(body).expect(status);
    expect(response.body).toEqual({ detail });
  });

  it('answers 405 to GET', async () => {
    for (const path of [
      '/api/v2/download/idv/',
      '/api/v2/download/contract',
      '/api/v2/download/assistance/',
    ]) {
      expect((await http().get(path).expect(405)).body).toEqual({ detail: 'Method "GET" not allowed.' });
    }
  });
});

describe('award-page files in parts', () => {
  let seeded: SeededApp;
  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false', ROWS_PER_FILE_PART: '4' });
  });
  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it('cuts a file into parts of at most ROWS_PER_FILE_PART rows, each with the header', async () => {
    const { entries } = await downloadFiles(seeded.app, '/api/v2/download/idv/', AWARD_PAGE_EXAMPLES.idv);
    const orders = [...dataParts(entries).entries()].find(([base]) => base.endsWith('_Orders'))![1];
    expect(orders.partNames.length).toBeGreaterThan(1);
    expect(orders.partNames[1]).toMatch(/_Orders_2\.csv$/);
    const sizes = orders.partNames.map((name) => parseCsv(entries.get(name)!.toString('utf8')).length - 1);
    expect(sizes.slice(0, -1).every((size) => size === 4)).toBe(true);
    expect(sizes[sizes.length - 1]).toBeLessThanOrEqual(4);
  });

  it('writes tab-separated parts with the same rows as CSV', async () => {
    const csv = await downloadFiles(seeded.app, '/api/v2/download/idv/', AWARD_PAGE_EXAMPLES.idv);
    const tsv = await downloadFiles(seeded.app, '/api/v2/download/idv/', {
      ...AWARD_PAGE_EXAMPLES.idv,
      file_format: 'tsv',
    });
    const names = [...tsv.entries.keys()];
    expect(names.filter((name) => name.endsWith('.tsv')).length).toBeGreaterThan(3);
    expect(names.some((name) => name.endsWith('.csv'))).toBe(false);
    const rows = (files: Map<string, { records: string[][] }>) =>
      [...files.values()].reduce((sum, file) => sum + file.records.length, 0);
    expect(rows(dataParts(tsv.entries, 'tsv', '\t'))).toBe(rows(dataParts(csv.entries)));
    const first = tsv.entries.get(names[0])!.toString('utf8').split('\r\n')[0];
    expect(first.split('\t')).toContain('treasury_account_symbol');
  });
});
