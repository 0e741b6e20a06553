import request from 'supertest';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

/** POST /api/v2/bulk_download/awards/: refusals that need the database, and the same-request cache. */
describe('POST /api/v2/bulk_download/awards/: refusals and the same-request cache', () => {
  let seeded: SeededApp;
  const http = () => request(seeded.app.getHttpServer());

  beforeAll(async () => {
    seeded = await createSeededApp();
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it('refuses before creating a job: unknown agency, unknown column, validation errors, GET', async () => {
    const base = {
      prime_award_types: ['A'],
      date_range: { start_date: '2020-01-01', end_date: '2020-06-30' },
    };
    const cases: [object, number, string][] = [
      [{ filters: { ...base, agency: 999999 } }, 400, 'Toptier ID not found: 999999'],
      [{ filters: { ...base, agency: 99999999999 } }, 400, 'Toptier ID not found: 99999999999'],
      [{ filters: base, columns: ['action_date', 'bogus_column'] }, 400, "Unknown columns: ['bogus_column']"],
      [
        { filters: { ...base, date_range: { start_date: '2019-01-01', end_date: '2020-06-30' } } },
        400,
        'Invalid Parameter: date_range total days must be within a year',
      ],
      [
        { filters: { agency: 50, award_types: ['contracts'] }, award_levels: ['prime_awards'] },
        422,
        "Missing value: 'filters|date_range' is a required field",
      ],
      [
        { filters: { date_range: base.date_range } },
        400,
        'Missing one or more required body parameters: prime_award_types or sub_award_types',
      ],
    ];
    const jobCount = async () =>
      (await seeded.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM download_job'))[0].n;
    const before = await jobCount();
    for (const [body, status, detail] of cases) {
      const response = await http().post('/api/v2/bulk_download/awards/').send(body);
      expect({ status: response.status, body: response.body as unknown }).toEqual({
        status,
        body: { detail },
      });
    }
    expect(await jobCount()).toBe(before);
    await http().get('/api/v2/bulk_download/awards/').expect(405, { detail: 'Method "GET" not allowed.' });
  });

  it('answers an identical request (up to key and list order) with the earlier job', async () => {
    // A keyword unique to this run, so no earlier run's job can answer.
    const keyword = `cache-${Date.now()}-${process.pid}`;
    const body = (levels: string[], types: string[]) => ({
      award_levels: levels,
      filters: {
        agency: 'all',
        award_types: types,
        keyword,
        date_range: { start_date: '2020-01-01', end_date: '2020-03-31' },
      },
    });
    const first = await http()
      .post('/api/v2/bulk_download/awards/')
      .send(body(['prime_awards'], ['grants', 'loans']));
    const second = await http()
      .post('/api/v2/bulk_download/awards')
      .send(body(['prime_awards'], ['loans', 'grants']));
    const names = [first.body, second.body].map((answer) => (answer as { file_name: string }).file_name);
    expect(names[1]).toBe(names[0]);
    await seeded.dataSource.query(`DELETE FROM download_job WHERE file_name = $1`, [names[0]]);
  });
});
