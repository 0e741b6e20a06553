import { ClientBase } from 'pg';

/** Reference rows the synthetic generator draws from, read once from the loaded reference tables. */
export interface TasRef {
  readonly id: number;
  readonly aid: string;
  readonly mainAccountCode: string;
  readonly label: string;
  /** First and last fiscal year of availability; null bounds = no-year (X) account. */
  readonly firstYear: number | null;
  readonly lastYear: number | null;
}
export interface SubtierRef {
  readonly agencyId: number;
  readonly code: string;
  readonly name: string;
}
export interface AgencyRef {
  readonly toptierId: number;
  readonly code: string;
  readonly name: string;
  readonly abbreviation: string;
  readonly subtiers: readonly SubtierRef[];
  readonly tas: readonly TasRef[];
}
export interface CountyRef {
  readonly stateCode: string;
  readonly stateName: string;
  readonly stateFips: string;
  readonly countyCode: string;
  readonly countyName: string;
  readonly cities: readonly string[];
}
export interface CodeRef {
  readonly code: string;
  readonly description: string;
}
export interface WindowRef {
  readonly id: number;
  readonly fiscalYear: number;
  readonly quarter: number;
  readonly month: number;
  readonly isQuarter: boolean;
  readonly dueDate: string;
}
export interface SeedContext {
  readonly agencies: readonly AgencyRef[];
  readonly states: readonly (readonly CountyRef[])[];
  readonly countries: readonly CodeRef[];
  readonly naics: readonly CodeRef[];
  readonly psc: readonly CodeRef[];
  readonly objectClassIds: readonly number[];
  /** Program activity ids by `<aid>-<main account>`; `*` holds all of them. */
  readonly programActivities: ReadonlyMap<string, readonly number[]>;
  readonly covidCodes: readonly string[];
  readonly infrastructureCodes: readonly string[];
  readonly windows: readonly WindowRef[];
}

async function rows<T>(client: ClientBase, sql: string): Promise<T[]> {
  return (await client.query<T & Record<string, unknown>>(sql)).rows;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export async function loadSeedContext(client: ClientBase): Promise<SeedContext> {
  const toptiers = await rows<{ id: number; code: string; name: string; abbreviation: string }>(
    client,
    'SELECT toptier_agency_id AS id, toptier_code AS code, name, abbreviation FROM toptier_agency ORDER BY toptier_code',
  );
  const subtiers = await rows<{ agency_id: number; toptier_id: number; code: string; name: string }>(
    client,
    `SELECT a.id AS agency_id, a.toptier_agency_id AS toptier_id, s.subtier_code AS code, s.name
     FROM agency a JOIN subtier_agency s ON s.subtier_agency_id = a.subtier_agency_id ORDER BY a.id`,
  );
  const tas = await rows<{
    id: number;
    toptier_id: number;
    aid: string;
    main: string;
    bpoa: string | null;
    epoa: string | null;
    label: string;
  }>(
    client,
    `SELECT treasury_account_identifier AS id, funding_toptier_agency_id AS toptier_id, agency_id AS aid,
            main_account_code AS main, beginning_period_of_availability AS bpoa, ending_period_of_availability AS epoa,
            tas_rendering_label AS label
     FROM treasury_appropriation_account ORDER BY treasury_account_identifier`,
  );
  const subtiersByTop = groupBy(subtiers, (s) => s.toptier_id);
  const tasByTop = groupBy(tas, (t) => t.toptier_id);
  const agencies = toptiers
    .map((t) => ({
      toptierId: t.id,
      code: t.code,
      name: t.name,
      abbreviation: t.abbreviation,
      subtiers: (subtiersByTop.get(t.id) ?? []).map((s) => ({
        agencyId: s.agency_id,
        code: s.code,
        name: s.name,
      })),
      tas: (tasByTop.get(t.id) ?? []).map((a) => ({
        id: a.id,
        aid: a.aid,
        mainAccountCode: a.main,
        label: a.label,
        firstYear: a.bpoa ? Number(a.bpoa) : null,
        lastYear: a.epoa ? Number(a.epoa) : null,
      })),
    }))
    .filter((agency) => agency.subtiers.length > 0 && agency.tas.length > 0);

  const counties = await rows<{ state: string; county: string; county_name: string; cities: string[] }>(
    client,
    `SELECT state_alpha AS state, county_numeric AS county, max(county_name) AS county_name,
            (array_agg(city_name ORDER BY id))[1:5] AS cities
     FROM ref_city_county_state_code WHERE county_numeric IS NOT NULL AND city_name IS NOT NULL
     GROUP BY state_alpha, county_numeric ORDER BY state_alpha, county_numeric`,
  );
  const states = await rows<{ code: string; name: string; fips: string }>(
    client,
    'SELECT DISTINCT ON (code) code, name, fips FROM state_data ORDER BY code, year DESC',
  );
  const stateByCode = new Map(states.map((s) => [s.code, s]));
  const countyRefs = counties
    .filter((c) => stateByCode.has(c.state))
    .map((c) => {
      const state = stateByCode.get(c.state)!;
      return {
        stateCode: c.state,
        stateName: state.name,
        stateFips: state.fips,
        countyCode: c.county,
        countyName: c.county_name,
        cities: c.cities,
      };
    });

  const programActivities = await rows<{ id: number; aid: string; main: string }>(
    client,
    'SELECT id, responsible_agency_id AS aid, main_account_code AS main FROM ref_program_activity ORDER BY id',
  );
  const paByAccount = new Map<string, number[]>([['*', programActivities.map((p) => p.id)]]);
  for (const pa of programActivities) {
    const key = `${pa.aid}-${pa.main}`;
    paByAccount.set(key, [...(paByAccount.get(key) ?? []), pa.id]);
  }
  const defc = await rows<{ code: string; group_name: string | null }>(
    client,
    'SELECT code, group_name FROM disaster_emergency_fund_code ORDER BY code',
  );
  const windows = await rows<{
    id: number;
    fy: number;
    q: number;
    m: number;
    is_quarter: boolean;
    due: string;
  }>(
    client,
    `SELECT id, submission_fiscal_year AS fy, submission_fiscal_quarter AS q, submission_fiscal_month AS m, is_quarter,
            to_char(submission_due_date, 'YYYY-MM-DD') AS due
     FROM dabs_submission_window_schedule ORDER BY submission_fiscal_year, submission_fiscal_month, is_quarter`,
  );
  return {
    agencies,
    states: [...groupBy(countyRefs, (c) => c.stateCode).values()],
    countries: await rows<CodeRef>(
      client,
      "SELECT country_code AS code, country_name AS description FROM ref_country_code WHERE country_code <> 'USA' ORDER BY 1",
    ),
    naics: await rows<CodeRef>(client, 'SELECT code, description FROM naics ORDER BY code'),
    psc: await rows<CodeRef>(
      client,
      'SELECT code, description FROM psc WHERE length(code) = 4 AND end_date IS NULL AND description IS NOT NULL ORDER BY code',
    ),
    objectClassIds: (await rows<{ id: number }>(client, 'SELECT id FROM object_class ORDER BY id')).map(
      (o) => o.id,
    ),
    programActivities: paByAccount,
    covidCodes: defc.filter((d) => d.group_name === 'covid_19').map((d) => d.code),
    infrastructureCodes: defc.filter((d) => d.group_name === 'infrastructure').map((d) => d.code),
    windows: windows.map((w) => ({
      id: w.id,
      fiscalYear: w.fy,
      quarter: w.q,
      month: w.m,
      isQuarter: w.is_quarter,
      dueDate: w.due,
    })),
  };
}
