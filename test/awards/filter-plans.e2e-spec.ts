import { AwardsDownloadService } from '../../src/awards-download/awards-download.service';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

/**
 * Every award filter has an index path on each table it applies to: with sequential scans disabled,
 * the plan of POST /download/count/'s own SQL for one request per filter (values taken from the seeded
 * data, so they are selective) reads transaction_search, award_search and subaward_search only through
 * index conditions — no Seq Scan, and no full index scan standing in for one.
 */
const SEARCH_TABLES = ['transaction_search', 'award_search', 'subaward_search'];
const LEVELS = ['transactions', 'awards', 'subawards'] as const;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

function unindexedReads(node: PlanNode, found: string[] = []): string[] {
  const table = node['Relation Name'] ?? '';
  if (SEARCH_TABLES.includes(table)) {
    const type = node['Node Type'];
    if (type === 'Seq Scan') found.push(`Seq Scan on ${table}`);
    if ((type === 'Index Scan' || type === 'Index Only Scan') && !node['Index Cond'])
      found.push(`full ${type} of ${node['Index Name']} on ${table}`);
  }
  for (const child of node.Plans ?? []) unindexedReads(child, found);
  return found;
}

describe('every filter is index-backed (count plans with enable_seqscan = off)', () => {
  let seeded: SeededApp;
  let service: AwardsDownloadService;
  const one = async <T>(sql: string): Promise<T> => {
    const rows = await seeded.dataSource.query<T[]>(sql);
    if (!rows[0]) throw new Error(`No sample for: ${sql}`);
    return rows[0];
  };
  const requests: [string, object][] = [];
  /** Counts over possibly many rows whose index holds every column they read. */
  const covered: [string, object][] = [];

  beforeAll(async () => {
    seeded = await createSeededApp();
    service = seeded.app.get(AwardsDownloadService);
    const t = await one<Record<string, string>>(
      `SELECT piid, awarding_toptier_agency_name AS top, awarding_subtier_agency_name AS sub,
              funding_toptier_agency_name AS ftop, funding_subtier_agency_name AS fsub,
              recipient_location_state_code AS state, recipient_location_county_code AS county,
              recipient_location_congressional_code AS district, recipient_location_zip5 AS zip,
              recipient_location_city_name AS city, pop_state_code AS pop_state, pop_zip5 AS pop_zip,
              naics_code AS naics, product_or_service_code AS psc, type_of_contract_pricing AS pricing,
              type_set_aside AS set_aside, extent_competed AS competed, business_categories[1] AS category,
              generated_unique_award_id AS unique_award, split_part(recipient_name, ' ', 1) AS recipient,
              split_part(transaction_description, ' ', 1) AS word
       FROM transaction_search
       WHERE is_fpds AND piid IS NOT NULL AND naics_code IS NOT NULL AND product_or_service_code IS NOT NULL
         AND funding_subtier_agency_name IS NOT NULL AND recipient_location_country_code = 'USA'
         AND recipient_location_county_code IS NOT NULL AND recipient_location_congressional_code IS NOT NULL
         AND recipient_location_city_name IS NOT NULL AND type_set_aside IS NOT NULL
         AND cardinality(business_categories) > 0 AND transaction_description IS NOT NULL
       LIMIT 1`,
    );
    const { cfda } = await one<{ cfda: string }>(
      'SELECT cfda_number AS cfda FROM transaction_search WHERE cfda_number IS NOT NULL LIMIT 1',
    );
    const faba = await one<{ aid: string; main: string; label: string; fa: number; oc: number; pa: number }>(
      `SELECT taa.agency_id AS aid, taa.main_account_code AS main, taa.tas_rendering_label AS label,
              taa.federal_account_id AS fa, f.object_class_id AS oc, f.program_activity_id AS pa
       FROM financial_accounts_by_awards f
       JOIN treasury_appropriation_account taa ON taa.treasury_account_identifier = f.treasury_account_id
       WHERE f.award_id IS NOT NULL AND f.object_class_id IS NOT NULL AND f.program_activity_id IS NOT NULL
       LIMIT 1`,
    );
    const { defc } = await one<{ defc: string }>(
      `SELECT disaster_emergency_fund_code AS defc FROM financial_accounts_by_awards
       WHERE award_id IS NOT NULL AND disaster_emergency_fund_code IS NOT NULL LIMIT 1`,
    );
    const fy = { start_date: '2019-10-01', end_date: '2020-09-30' };
    const location = { country: 'USA', state: t.state };
    const filters: Record<string, object> = {
      keywords: { keywords: [t.word] },
      'keywords (award id)': { keywords: [`"${t.piid}"`] },
      'time_period (action_date)': { time_period: [fy] },
      'time_period (last_modified_date)': { time_period: [{ ...fy, date_type: 'last_modified_date' }] },
      'time_period (date_signed)': { time_period: [{ ...fy, date_type: 'date_signed' }] },
      'time_period (new_awards_only)': { time_period: [{ ...fy, date_type: 'new_awards_only' }] },
      'agencies (awarding toptier)': { agencies: [{ type: 'awarding', tier: 'toptier', name: t.top }] },
      'agencies (awarding subtier)': { agencies: [{ type: 'awarding', tier: 'subtier', name: t.sub }] },
      'agencies (funding toptier)': { agencies: [{ type: 'funding', tier: 'toptier', name: t.ftop }] },
      'agencies (funding subtier in toptier)': {
        agencies: [{ type: 'funding', tier: 'subtier', name: t.fsub, toptier_name: t.ftop }],
      },
      'agency + contract types + fiscal year': {
        agencies: [{ type: 'awarding', tier: 'toptier', name: t.top }],
        award_type_codes: ['A', 'B', 'C', 'D'],
        time_period: [fy],
      },
      award_type_codes: { award_type_codes: ['A', 'B'] },
      'award_ids (quoted)': { award_ids: [`"${t.piid}"`] },
      'award_ids (partial)': { award_ids: [t.piid.slice(0, -2)] },
      award_amounts: { award_amounts: [{ lower_bound: 1000000, upper_bound: 2000000 }] },
      recipient_search_text: { recipient_search_text: [t.recipient] },
      'recipient_scope (foreign)': { recipient_scope: 'foreign' },
      'recipient_locations (state)': { recipient_locations: [location] },
      'recipient_locations (county)': { recipient_locations: [{ ...location, county: t.county }] },
      'recipient_locations (district)': { recipient_locations: [{ ...location, district: t.district }] },
      'recipient_locations (zip)': { recipient_locations: [{ country: 'USA', zip: t.zip }] },
      'recipient_locations (city)': { recipient_locations: [{ country: 'USA', city: t.city }] },
      recipient_type_names: { recipient_type_names: [t.category] },
      'place_of_performance_scope (foreign)': { place_of_performance_scope: 'foreign' },
      'place_of_performance_locations (state)': {
        place_of_performance_locations: [{ country: 'USA', state: t.pop_state }],
      },
      'place_of_performance_locations (zip)': {
        place_of_performance_locations: [{ country: 'USA', zip: t.pop_zip }],
      },
      naics_codes: { naics_codes: [t.naics.slice(0, 4)] },
      'naics_codes (require/exclude)': {
        naics_codes: { require: [t.naics.slice(0, 2)], exclude: [t.naics] },
      },
      psc_codes: { psc_codes: [t.psc] },
      'psc_codes (Product)': { psc_codes: { require: [['Product']] } },
      'psc_codes (Service)': { psc_codes: { require: [['Service']] } },
      'psc_codes (Research and Development)': { psc_codes: { require: [['Research and Development']] } },
      contract_pricing_type_codes: { contract_pricing_type_codes: [t.pricing] },
      set_aside_type_codes: { set_aside_type_codes: [t.set_aside] },
      extent_competed_type_codes: { extent_competed_type_codes: [t.competed] },
      program_numbers: { program_numbers: [cfda] },
      'tas_codes (components)': { tas_codes: [{ aid: faba.aid, main: faba.main }] },
      'tas_codes (tree)': { tas_codes: { require: [[faba.aid, `${faba.aid}-${faba.main}`, faba.label]] } },
      treasury_account_components: { treasury_account_components: [{ aid: faba.aid, main: faba.main }] },
      def_codes: { def_codes: [defc] },
      federal_account_ids: { federal_account_ids: [faba.fa] },
      object_class_ids: { object_class_ids: [faba.oc] },
      program_activity_ids: { program_activity_ids: [faba.pa] },
      description: { description: t.word },
      award_unique_id: { award_unique_id: t.unique_award },
    };
    for (const [name, filter] of Object.entries(filters))
      for (const level of LEVELS)
        requests.push([`${name} at ${level}`, { filters: filter, spending_level: level }]);
    const subtiers = {
      'awarding subtier in toptier': {
        agencies: [{ type: 'awarding', tier: 'subtier', name: t.sub, toptier_name: t.top }],
      },
      'funding subtier in toptier': {
        agencies: [{ type: 'funding', tier: 'subtier', name: t.fsub, toptier_name: t.ftop }],
      },
    };
    for (const [name, filter] of Object.entries(subtiers))
      for (const level of ['transactions', 'awards'])
        covered.push([`${name} at ${level}`, { filters: filter, spending_level: level }]);
    covered.push([
      'place of performance state + fiscal year at transactions',
      {
        filters: {
          place_of_performance_locations: [{ country: 'USA', state: t.pop_state }],
          time_period: [fy],
        },
      },
    ]);
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  async function plan(sql: string, settings = 'SET LOCAL enable_seqscan = off'): Promise<PlanNode> {
    const runner = seeded.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(settings);
      const rows: { 'QUERY PLAN': [{ Plan: PlanNode }] }[] = await runner.query(
        `EXPLAIN (FORMAT JSON) ${sql}`,
      );
      return rows[0]['QUERY PLAN'][0].Plan;
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('no count plan reads a search table without an index condition', async () => {
    expect(requests.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const [name, body] of requests) {
      const reads = unindexedReads(await plan(service.countQuery(body)));
      if (reads.length) failures.push(`${name}: ${reads.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers the agency subtier and place + fiscal year counts from an index alone', async () => {
    const scans = (node: PlanNode): string[] => [
      ...(SEARCH_TABLES.includes(node['Relation Name'] ?? '')
        ? [`${node['Node Type']} ${node['Index Name']}`]
        : []),
      ...(node.Plans ?? []).flatMap(scans),
    ];
    const onlyIndexes = 'SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off';
    const found: Record<string, string[]> = {};
    for (const [name, body] of covered)
      found[name] = scans(await plan(service.countQuery(body), onlyIndexes));
    const indexOnly = (index: string) => [`Index Only Scan ${index}`];
    expect(found).toEqual({
      'awarding subtier in toptier at transactions': indexOnly('transaction_search_awarding_subtier_idx'),
      'awarding subtier in toptier at awards': indexOnly('award_search_awarding_subtier_idx'),
      'funding subtier in toptier at transactions': indexOnly('transaction_search_funding_subtier_idx'),
      'funding subtier in toptier at awards': indexOnly('award_search_funding_subtier_idx'),
      'place of performance state + fiscal year at transactions': indexOnly(
        'transaction_search_pop_state_date_idx',
      ),
    });
  });

  it('the check itself sees a sequential scan when a condition has no index', async () => {
    const reads = unindexedReads(
      await plan("SELECT count(*) FROM transaction_search WHERE lower(transaction_description) = 'x'"),
    );
    expect(reads).toEqual(['Seq Scan on transaction_search']);
  });
});
