import request from 'supertest';
import { DISASTER_RECIPIENTS_EXAMPLE } from '../../src/disaster-download/disaster-download-examples';
import { dataParts } from '../support/data-parts';
import { downloadFiles } from '../support/download-files';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

const TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{2}';
const ZIP_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{8}';
const COVID = ['L', 'M', 'N', 'O', 'P', 'U', 'V'];

describe('POST /api/v2/download/disaster/recipients/ (end to end through Bull)', () => {
  let seeded: SeededApp;
  const http = () => request(seeded.app.getHttpServer());

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it('lists DEFC spending per recipient with the category default columns', async () => {
    const { response, entries, status } = await downloadFiles(
      seeded.app,
      '/api/v2/download/disaster/recipients/',
      DISASTER_RECIPIENTS_EXAMPLE,
    );
    expect(response.file_name).toMatch(new RegExp(`^COVID-19_Recipients_All-Awards_${ZIP_TS}\\.zip$`));
    expect(response.download_request).toEqual({
      award_category: 'All-Awards',
      columns: ['recipient', 'award_obligations', 'award_outlays', 'number_of_awards'],
      download_types: ['disaster_recipient'],
      file_format: 'csv',
      filters: { def_codes: COVID },
      request_type: 'disaster_recipient',
    });
    const names = [...entries.keys()];
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(new RegExp(`^COVID-19_Recipients_All-Awards_${TS}_1\\.csv$`));
    const file = [...dataParts(entries).values()][0];
    expect(file.header).toEqual(['recipient', 'award_obligations', 'award_outlays', 'number_of_awards']);
    expect(file.records.length).toBeGreaterThan(0);
    expect(status.total_rows).toBe(file.records.length);
    for (const record of file.records) expect(record[1]).toMatch(/^-?\d+\.\d{2}$/);

    const loans = await downloadFiles(seeded.app, '/api/v2/download/disaster/recipients', {
      filters: { def_codes: ['L', 'M'], award_type_codes: ['07', '08'] },
      file_format: 'pstxt',
    });
    expect(loans.response.file_name).toMatch(new RegExp(`^COVID-19_Recipients_Loans_${ZIP_TS}\\.zip$`));
    expect(dataParts(loans.entries, 'txt', '|').values().next().value!.header).toEqual([
      'recipient',
      'award_obligations',
      'award_outlays',
      'face_value_of_loans',
      'number_of_awards',
    ]);
  });

  it('narrows recipients by name query (case-insensitive, as typed)', async () => {
    const { entries } = await downloadFiles(
      seeded.app,
      '/api/v2/download/disaster/recipients/',
      DISASTER_RECIPIENTS_EXAMPLE,
    );
    const all = [...dataParts(entries).values()][0].records;
    const name = all.find((record) => record[0].length > 4)![0];
    const part = name.slice(1, 4).toLowerCase();
    const narrowed = await downloadFiles(seeded.app, '/api/v2/download/disaster/recipients/', {
      filters: { ...DISASTER_RECIPIENTS_EXAMPLE.filters, query: ` ${part}\t` },
    });
    const records = [...dataParts(narrowed.entries).values()][0].records;
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBe(all.filter((record) => record[0].toLowerCase().includes(part)).length);
  });

  it.each<[string, object, number, string]>([
    [
      '/api/v2/download/disaster/recipients/',
      { filters: {} },
      422,
      "Missing value: 'filters|def_codes' is a required field",
    ],
    [
      '/api/v2/download/disaster/recipients/',
      { filters: { def_codes: ['L'] }, columns: ['recipient', 'x'] },
      400,
      "Unknown columns: ['x']",
    ],
  ])('%s %j → %i', async (path, body, code, detail) => {
    expect((await http().post(path).send(body).expect(code)).body).toEqual({ detail });
  });

  it('answers 405 to GET', async () => {
    expect((await http().get('/api/v2/download/disaster/recipients').expect(405)).body).toEqual({
      detail: 'Method "GET" not allowed.',
    });
  });
});
