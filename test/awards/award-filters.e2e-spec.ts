import request from 'supertest';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

/**
 * Every award filter, through the count route (which runs the download's own FROM clause and
 * conditions), checked against an oracle query written independently here: the filter must keep
 * every matching row and drop every other one, and both sets must be non-empty.
 */
describe('award filters applied in SQL', () => {
  let seeded: SeededApp;
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await seeded.dataSource.query<T[]>(sql, params))[0];

  beforeAll(async () => {
    seeded = await createSeededApp();
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  async function countVia(filters: object, spendingLevel = 'transactions'): Promise<number> {
    const response = await request(seeded.app.getHttpServer())
      .post('/api/v2/download/count/')
      .send({ filters, spending_level: spendingLevel })
      .expect(200);
    return (response.body as { calculated_count: number }).calculated_count;
  }

  async function oracle(where: string, params: unknown[] = []): Promise<number> {
    const row = await one<{ n: string }>(
      `SELECT count(*) AS n FROM transaction_search AS t WHERE ${where}`,
      params,
    );
    return Number(row.n);
  }

  async function expectFilter(filters: object, where: string, params: unknown[] = []): Promise<void> {
    const total = await oracle('true');
    const expected = await oracle(where, params);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(total);
    expect(await countVia(filters)).toBe(expected);
  }

  it('keywords (phrase, case-insensitive, across descriptions)', async () => {
    // The keyword vector covers the description, recipient, NAICS, PSC and CFDA titles.
    await expectFilter(
      { keywords: ['head start'] },
      `concat_ws(' ', t.transaction_description, t.recipient_name, t.naics_description, t.product_or_service_description, t.cfda_title) ILIKE '%head start%'`,
    );
  });

  it("keywords at award level also match through the award's transactions; a quoted id matches at every level", async () => {
    const texts = `concat_ws(' ', t.transaction_description, t.recipient_name, t.naics_description, t.product_or_service_description, t.cfda_title)`;
    const awardOracle = await one<{ n: string }>(
      `SELECT count(*) AS n FROM award_search a WHERE concat_ws(' ', a.description, a.recipient_name) ILIKE '%head start%'
         OR a.award_id IN (SELECT t.award_id FROM transaction_search t WHERE ${texts} ILIKE '%head start%')`,
    );
    expect(Number(awardOracle.n)).toBeGreaterThan(0);
    expect(await countVia({ keywords: ['head start'] }, 'awards')).toBe(Number(awardOracle.n));
    const { piid } = await one<{ piid: string }>(
      'SELECT piid FROM transaction_search WHERE piid IS NOT NULL LIMIT 1',
    );
    const transactions = await oracle('t.piid = $1', [piid]);
    expect(await countVia({ keywords: [`"${piid}"`] })).toBe(transactions);
    expect(await countVia({ keywords: [`"${piid}"`] }, 'awards')).toBe(1);
  });

  it('time_period on action_date and on last_modified_date', async () => {
    await expectFilter(
      { time_period: [{ start_date: '2015-10-01', end_date: '2016-09-30' }] },
      `t.action_date BETWEEN '2015-10-01' AND '2016-09-30'`,
    );
    await expectFilter(
      {
        time_period: [{ start_date: '2020-01-01', end_date: '2021-06-30', date_type: 'last_modified_date' }],
      },
      `t.last_modified_date >= '2020-01-01' AND t.last_modified_date <= '2021-06-30'`,
    );
  });

  it('agencies: awarding toptier and funding subtier within its toptier', async () => {
    const { name } = await one<{ name: string }>(
      `SELECT awarding_toptier_agency_name AS name FROM transaction_search GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    await expectFilter(
      { agencies: [{ type: 'awarding', tier: 'toptier', name }] },
      `t.awarding_toptier_agency_name = $1`,
      [name],
    );
    const sub = await one<{ sub: string; top: string }>(
      `SELECT funding_subtier_agency_name AS sub, funding_toptier_agency_name AS top FROM transaction_search
       WHERE funding_subtier_agency_name IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    await expectFilter(
      { agencies: [{ type: 'funding', tier: 'subtier', name: sub.sub, toptier_name: sub.top }] },
      `t.funding_subtier_agency_name = $1 AND t.funding_toptier_agency_name = $2`,
      [sub.sub, sub.top],
    );
  });

  it('award_type_codes', async () => {
    await expectFilter({ award_type_codes: ['A', 'B', '02'] }, `t.type IN ('A', 'B', '02')`);
  });

  it('award_ids: quoted exact, plain partial', async () => {
    const { piid } = await one<{ piid: string }>(
      `SELECT piid FROM transaction_search WHERE piid IS NOT NULL LIMIT 1`,
    );
    await expectFilter({ award_ids: [`"${piid}"`] }, `t.piid = $1 OR t.fain = $1 OR t.uri = $1`, [piid]);
    const part = piid.slice(0, piid.length - 2);
    await expectFilter({ award_ids: [part] }, `t.piid ILIKE $1 OR t.fain ILIKE $1 OR t.uri ILIKE $1`, [
      `%${part}%`,
    ]);
  });

  it('award_amounts', async () => {
    await expectFilter(
      { award_amounts: [{ lower_bound: 1000, upper_bound: 25000 }, { lower_bound: 10000000 }] },
      `(t.federal_action_obligation BETWEEN 1000 AND 25000) OR t.federal_action_obligation >= 10000000`,
    );
  });

  it('recipient_search_text, scope and locations', async () => {
    const { name } = await one<{ name: string }>(
      `SELECT recipient_name AS name FROM transaction_search GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const word = name.split(' ')[0];
    await expectFilter(
      { recipient_search_text: [word] },
      `t.recipient_name ILIKE $1 OR t.recipient_uei = upper($2) OR t.recipient_unique_id = $2`,
      [`%${word}%`, word],
    );
    await expectFilter({ recipient_scope: 'foreign' }, `t.recipient_location_country_code <> 'USA'`);
    await expectFilter(
      {
        recipient_locations: [
          { country: 'USA', state: 'VA' },
          { country: 'USA', state: 'TX' },
        ],
      },
      `t.recipient_location_country_code = 'USA' AND t.recipient_location_state_code IN ('VA', 'TX')`,
    );
  });

  it('place_of_performance scope and locations (district read from the seed spelling)', async () => {
    await expectFilter({ place_of_performance_scope: 'domestic' }, `t.pop_country_code = 'USA'`);
    const pop = await one<{ state: string; district: string }>(
      `SELECT pop_state_code AS state, pop_congressional_code AS district FROM transaction_search
       WHERE pop_country_code = 'USA' AND pop_congressional_code IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    await expectFilter(
      { place_of_performance_locations: [{ country: 'USA', state: pop.state, district: pop.district }] },
      `t.pop_country_code = 'USA' AND t.pop_state_code = $1 AND t.pop_congressional_code = $2`,
      [pop.state, pop.district],
    );
  });

  it('recipient_type_names', async () => {
    const { category } = await one<{ category: string }>(
      `SELECT unnest(business_categories) AS category FROM transaction_search GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 OFFSET 1`,
    );
    await expectFilter({ recipient_type_names: [category] }, `$1 = ANY (t.business_categories)`, [category]);
  });

  it('naics_codes (prefix, require/exclude) and psc_codes', async () => {
    // A sector with several industries, so excluding one industry leaves rows.
    const { naics } = await one<{ naics: string }>(
      `SELECT min(naics_code) AS naics FROM transaction_search WHERE naics_code IS NOT NULL
       GROUP BY left(naics_code, 2) HAVING count(DISTINCT naics_code) > 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const prefix = naics.slice(0, 2);
    await expectFilter({ naics_codes: [prefix] }, `t.naics_code LIKE $1`, [`${prefix}%`]);
    await expectFilter(
      { naics_codes: { require: [prefix], exclude: [naics] } },
      `t.naics_code LIKE $1 AND t.naics_code NOT LIKE $2`,
      [`${prefix}%`, `${naics}%`],
    );
    const { psc } = await one<{ psc: string }>(
      `SELECT product_or_service_code AS psc FROM transaction_search WHERE product_or_service_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    await expectFilter({ psc_codes: [psc] }, `t.product_or_service_code LIKE $1`, [`${psc}%`]);
    await expectFilter({ psc_codes: { require: [['Service']] } }, `t.product_or_service_code ~ '^[B-Z]'`);
  });

  it('contract pricing, set-aside and extent-competed codes; program numbers', async () => {
    const pick = async (column: string) =>
      (
        await one<{ v: string }>(
          `SELECT ${column} AS v FROM transaction_search WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
        )
      ).v;
    const pricing = await pick('type_of_contract_pricing');
    await expectFilter({ contract_pricing_type_codes: [pricing] }, `t.type_of_contract_pricing = $1`, [
      pricing,
    ]);
    const setAside = await pick('type_set_aside');
    await expectFilter({ set_aside_type_codes: [setAside] }, `t.type_set_aside = $1`, [setAside]);
    const competed = await pick('extent_competed');
    await expectFilter({ extent_competed_type_codes: [competed] }, `t.extent_competed = $1`, [competed]);
    const cfda = await pick('cfda_number');
    await expectFilter({ program_numbers: [cfda] }, `t.cfda_number = $1`, [cfda]);
  });

  it('account-linked filters through File C: tas_codes, def_codes, federal accounts, object classes, program activities', async () => {
    const faba = await one<{ aid: string; main: string; fa: number; oc: number; pa: number; defc: string }>(
      `SELECT taa.agency_id AS aid, taa.main_account_code AS main, taa.federal_account_id AS fa, f.object_class_id AS oc,
              f.program_activity_id AS pa, f.disaster_emergency_fund_code AS defc
       FROM financial_accounts_by_awards f JOIN treasury_appropriation_account taa ON taa.treasury_account_identifier = f.treasury_account_id
       WHERE f.award_id IS NOT NULL AND f.object_class_id IS NOT NULL AND f.program_activity_id IS NOT NULL AND f.disaster_emergency_fund_code IS NOT NULL
       LIMIT 1`,
    );
    const linked = (condition: string) =>
      `t.award_id IN (SELECT f.award_id FROM financial_accounts_by_awards f JOIN treasury_appropriation_account taa
        ON taa.treasury_account_identifier = f.treasury_account_id WHERE ${condition})`;
    await expectFilter(
      { tas_codes: [{ aid: faba.aid, main: faba.main }] },
      linked('taa.agency_id = $1 AND taa.main_account_code = $2'),
      [faba.aid, faba.main],
    );
    await expectFilter({ def_codes: [faba.defc] }, linked('f.disaster_emergency_fund_code = $1'), [
      faba.defc,
    ]);
    await expectFilter({ federal_account_ids: [faba.fa] }, linked('taa.federal_account_id = $1'), [faba.fa]);
    await expectFilter({ object_class_ids: [faba.oc] }, linked('f.object_class_id = $1'), [faba.oc]);
    await expectFilter({ program_activity_ids: [faba.pa] }, linked('f.program_activity_id = $1'), [faba.pa]);
  });

  it('values are escaped, never pasted: a quote in a filter value is just a character', async () => {
    expect(await countVia({ recipient_search_text: ["O'Brien'); DROP TABLE award_search; --"] })).toBe(0);
    const { n } = await one<{ n: string }>('SELECT count(*) AS n FROM award_search');
    expect(Number(n)).toBeGreaterThan(0);
  });
});
