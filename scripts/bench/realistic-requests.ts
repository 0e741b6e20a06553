import { Client } from 'pg';

export interface CountRequest {
  label: string;
  body: { filters: Record<string, unknown>; spending_level: 'transactions' | 'awards' | 'subawards' };
  /** Matches a small share of the rows: its cost should follow the matches, not the table size. */
  selective: boolean;
}

/**
 * The fixed list of count requests the benchmarks time: one per filter, plus the combinations the
 * website sends (agency + award types + fiscal year, place + fiscal year, keyword + fiscal year). Values
 * are taken from the data itself (the commonest agency, a real award id, ...) so every request matches.
 */
export async function realisticCountRequests(client: Client): Promise<CountRequest[]> {
  const one = async (sql: string): Promise<Record<string, string>> => {
    const row = (await client.query<Record<string, string>>(sql)).rows[0];
    if (!row) throw new Error(`No sample for: ${sql}`);
    return row;
  };
  const commonest = async (column: string, where = 'true'): Promise<string> =>
    (
      await one(
        `SELECT ${column} AS v FROM (SELECT * FROM transaction_search TABLESAMPLE SYSTEM (2)) AS t
         WHERE ${column} IS NOT NULL AND ${where} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      )
    ).v;
  const top = await commonest('awarding_toptier_agency_name');
  const sub = await one(
    `SELECT funding_subtier_agency_name AS sub, funding_toptier_agency_name AS top FROM transaction_search
     WHERE funding_subtier_agency_name IS NOT NULL AND funding_subtier_agency_name <> funding_toptier_agency_name
     LIMIT 1`,
  );
  const sample = await one(
    `SELECT piid, generated_unique_award_id AS unique_award, recipient_location_state_code AS state,
            recipient_location_county_code AS county, pop_zip5 AS zip, naics_code AS naics,
            product_or_service_code AS psc, split_part(recipient_name, ' ', 1) AS recipient
     FROM transaction_search
     WHERE is_fpds AND piid IS NOT NULL AND recipient_location_country_code = 'USA'
       AND recipient_location_county_code IS NOT NULL AND pop_zip5 IS NOT NULL AND naics_code IS NOT NULL
       AND product_or_service_code IS NOT NULL
     ORDER BY transaction_id LIMIT 1 OFFSET 1000`,
  );
  const category = await commonest('business_categories[1]');
  const cfda = await commonest('cfda_number');
  const faba = await one(
    `SELECT taa.agency_id AS aid, taa.main_account_code AS main, taa.federal_account_id AS fa,
            f.object_class_id AS oc, f.program_activity_id AS pa
     FROM financial_accounts_by_awards f
     JOIN treasury_appropriation_account taa ON taa.treasury_account_identifier = f.treasury_account_id
     WHERE f.award_id IS NOT NULL AND f.object_class_id IS NOT NULL AND f.program_activity_id IS NOT NULL
     ORDER BY f.financial_accounts_by_awards_id LIMIT 1`,
  );
  const fy = [{ start_date: '2019-10-01', end_date: '2020-09-30' }];
  const contracts = ['A', 'B', 'C', 'D'];
  const t = (label: string, filters: Record<string, unknown>, selective = true): CountRequest => ({
    label,
    body: { filters, spending_level: 'transactions' },
    selective,
  });
  const at = (level: 'awards' | 'subawards', request: CountRequest): CountRequest => ({
    ...request,
    label: `${request.label} [${level}]`,
    body: { ...request.body, spending_level: level },
  });
  const keyword = t('keywords ["Defense"]', { keywords: ['Defense'] }, false);
  const agencyCombo = t('agency + contracts + FY2020 (website)', {
    agencies: [{ type: 'awarding', tier: 'toptier', name: top }],
    award_type_codes: contracts,
    time_period: fy,
  });
  return [
    keyword,
    at('awards', keyword),
    at('subawards', keyword),
    t('keywords [quoted award id]', { keywords: [`"${sample.piid}"`] }),
    t('time_period FY2020', { time_period: fy }, false),
    t(
      'time_period last_modified_date',
      { time_period: [{ ...fy[0], date_type: 'last_modified_date' }] },
      false,
    ),
    t(
      'agencies awarding toptier (commonest)',
      { agencies: [{ type: 'awarding', tier: 'toptier', name: top }] },
      false,
    ),
    t('agencies funding subtier', {
      agencies: [{ type: 'funding', tier: 'subtier', name: sub.sub, toptier_name: sub.top }],
    }),
    agencyCombo,
    at('awards', agencyCombo),
    t('award_type_codes grants', { award_type_codes: ['02', '03', '04', '05'] }, false),
    t('award_ids quoted', { award_ids: [`"${sample.piid}"`] }),
    t('award_ids partial', { award_ids: [sample.piid.slice(0, -2)] }),
    t('award_amounts >= 10M', { award_amounts: [{ lower_bound: 10_000_000 }] }),
    t('recipient_search_text ["LLC"]', { recipient_search_text: ['LLC'] }, false),
    t('recipient_search_text [a name]', { recipient_search_text: [sample.recipient] }),
    t('recipient_scope foreign', { recipient_scope: 'foreign' }),
    t('recipient_locations state', { recipient_locations: [{ country: 'USA', state: sample.state }] }),
    t('recipient_locations county', {
      recipient_locations: [{ country: 'USA', state: sample.state, county: sample.county }],
    }),
    t('place_of_performance state + FY2020 (website)', {
      place_of_performance_locations: [{ country: 'USA', state: sample.state }],
      time_period: fy,
    }),
    t('place_of_performance zip', { place_of_performance_locations: [{ country: 'USA', zip: sample.zip }] }),
    t('recipient_type_names', { recipient_type_names: [category] }, false),
    t('naics_codes require ["54"]', { naics_codes: { require: [54] } }),
    t('naics_codes [6 digits]', { naics_codes: [Number(sample.naics)] }),
    t('psc_codes [code]', { psc_codes: [sample.psc] }),
    t('psc_codes Research and Development', { psc_codes: { require: [['Research and Development']] } }),
    t('contract_pricing_type_codes', { contract_pricing_type_codes: ['J'] }, false),
    t('set_aside_type_codes', { set_aside_type_codes: ['SBA'] }),
    t('extent_competed_type_codes', { extent_competed_type_codes: ['A'] }, false),
    t('program_numbers', { program_numbers: [cfda] }),
    t('tas_codes', { tas_codes: [{ aid: faba.aid, main: faba.main }] }),
    t('def_codes ["L"]', { def_codes: ['L'] }),
    t('federal_account_ids', { federal_account_ids: [Number(faba.fa)] }),
    t('object_class_ids', { object_class_ids: [Number(faba.oc)] }, false),
    t('program_activity_ids', { program_activity_ids: [Number(faba.pa)] }),
    t('description', { description: sample.recipient }),
    t('award_unique_id', { award_unique_id: sample.unique_award }),
    at('subawards', t('keywords + FY2020', { keywords: ['services'], time_period: fy })),
  ];
}
