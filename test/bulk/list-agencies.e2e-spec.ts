import request from 'supertest';
import { CFO_TOPTIER_CODES } from '../../src/bulk-download/agencies/list-agencies.service';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

interface Listed {
  name: string;
  toptier_agency_id: number;
  toptier_code: string;
}

/** POST /api/v2/bulk_download/list_agencies/ (docs/compatibility.md#agency-pick-lists), checked against queries written here. */
describe('POST /api/v2/bulk_download/list_agencies/', () => {
  let seeded: SeededApp;
  const http = () => request(seeded.app.getHttpServer());
  const list = (body: object) => http().post('/api/v2/bulk_download/list_agencies/').send(body);
  const query = <T>(sql: string, params: unknown[] = []) => seeded.dataSource.query<T[]>(sql, params);

  beforeAll(async () => {
    seeded = await createSeededApp();
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  /** Candidates as the reference defines them, in name order. */
  async function expectedLists(candidateCondition: string): Promise<{ cfo: Listed[]; other: Listed[] }> {
    const all = await query<Listed>(
      `SELECT name, toptier_agency_id, toptier_code FROM toptier_agency t WHERE ${candidateCondition}
       ORDER BY name, toptier_agency_id`,
    );
    const cfoCodes: readonly string[] = CFO_TOPTIER_CODES;
    const cfo = all
      .filter((agency) => cfoCodes.includes(agency.toptier_code))
      .sort((a, b) => cfoCodes.indexOf(a.toptier_code) - cfoCodes.indexOf(b.toptier_code));
    return { cfo, other: all.filter((agency) => !cfoCodes.includes(agency.toptier_code)) };
  }

  it('lists award agencies: CFO agencies in the reference’s order, the others by name', async () => {
    const { cfo, other } = await expectedLists(
      `EXISTS (SELECT 1 FROM agency a WHERE a.toptier_agency_id = t.toptier_agency_id AND a.user_selectable
               AND a.subtier_agency_id IS NOT NULL)`,
    );
    const response = await list({ type: 'award_agencies' }).expect(200);
    expect(response.body).toEqual({
      agencies: { cfo_agencies: cfo, other_agencies: other },
      sub_agencies: [],
    });
    expect(cfo.length).toBeGreaterThan(10);
    expect(cfo.slice(0, 3).map((agency) => agency.toptier_code)).toEqual(['012', '013', '097']);
  });

  it('lists account agencies: those with a DABS submission; a falsy agency means none', async () => {
    const { cfo, other } = await expectedLists(
      `EXISTS (SELECT 1 FROM submission_attributes s WHERE s.toptier_code = t.toptier_code)`,
    );
    for (const agency of [undefined, null, 0, '']) {
      const response = await list({ type: 'account_agencies', agency }).expect(200);
      expect(response.body).toEqual({
        agencies: { cfo_agencies: cfo, other_agencies: other },
        sub_agencies: [],
      });
    }
    expect(cfo.length + other.length).toBeGreaterThan(0);
  });

  it('lists the sub-agencies of one agency, without one named like the agency, by name', async () => {
    const [agency] = await query<{ id: number; name: string }>(
      `SELECT t.toptier_agency_id AS id, t.name FROM toptier_agency t JOIN agency a USING (toptier_agency_id)
       WHERE a.user_selectable AND a.subtier_agency_id IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const names = await query<{ subtier_agency_name: string }>(
      `SELECT DISTINCT s.name AS subtier_agency_name FROM agency a JOIN subtier_agency s USING (subtier_agency_id)
       WHERE a.toptier_agency_id = $1 AND a.user_selectable AND s.name <> $2 ORDER BY 1`,
      [agency.id, agency.name],
    );
    expect(names.length).toBeGreaterThan(1);
    const response = await list({ type: 'award_agencies', agency: agency.id }).expect(200);
    expect(response.body).toEqual({ agencies: [], sub_agencies: names });
    const asText = await list({ type: 'award_agencies', agency: String(agency.id) }).expect(200);
    expect(asText.body).toEqual(response.body);
  });

  it.each<[object, string]>([
    [{}, "type must be one of: ('account_agencies', 'award_agencies')"],
    [{ type: 'agencies' }, "type must be one of: ('account_agencies', 'award_agencies')"],
    [{ type: 'award_agencies', agency: 999999 }, 'Agency ID not found'],
    [
      { type: 'award_agencies', agency: 'abc' },
      "Invalid value in 'agency'. 'abc' is not a valid type (integer)",
    ],
  ])('refuses %j with 400', async (body, detail) => {
    await list(body).expect(400, { detail });
  });

  it('answers GET with 405, with and without the trailing slash', async () => {
    await http()
      .get('/api/v2/bulk_download/list_agencies/')
      .expect(405, { detail: 'Method "GET" not allowed.' });
    await http().get('/api/v2/bulk_download/list_agencies').expect(405);
    await http().post('/api/v2/bulk_download/list_agencies').send({ type: 'award_agencies' }).expect(200);
  });
});
