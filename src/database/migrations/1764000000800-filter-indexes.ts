import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indexes that make every award filter sargable on the three award-side tables, added to those of
 * SearchIndexes1764000000400. Each matches the exact expression the filter SQL (src/filters/) writes:
 *
 * - `upper(...)` expression indexes for case-insensitive equality (award ids typed as keywords, unique
 *   award keys, location country/state/city);
 * - pg_trgm GIN indexes for substring search (`ILIKE '%text%'`) of recipient names, descriptions,
 *   partial award ids, subaward CFDA lists and business types;
 * - `text_pattern_ops` for NAICS/PSC prefixes and PSC tiers (byte-order ranges, whatever the collation);
 * - composite (agency name, award type, action date) indexes for the website's commonest combination;
 * - `INCLUDE (is_fpds)` on the prime tables' btree indexes, so counts over many rows are index-only;
 * - GIN indexes on the text[] columns (business categories, CFDA list; DEF codes have theirs already).
 *
 * The bulk seeder drops secondary indexes before a large load and rebuilds them from pg_indexes, so
 * these definitions live only here.
 */
export class FilterIndexes1764000000800 implements MigrationInterface {
  name = 'FilterIndexes1764000000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    for (const { table, index } of REPLACED) await queryRunner.query(`DROP INDEX ${table}_${index}_idx`);
    for (const [table, definitions] of Object.entries(INDEXES)) {
      for (const [suffix, definition] of Object.entries(definitions))
        await queryRunner.query(`CREATE INDEX ${table}_${suffix}_idx ON ${table} ${definition}`);
    }
    for (const [name, definition] of Object.entries(ACCOUNT_INDEXES))
      await queryRunner.query(`CREATE INDEX ${name} ON ${definition}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of Object.keys(ACCOUNT_INDEXES)) await queryRunner.query(`DROP INDEX ${name}`);
    for (const [table, definitions] of Object.entries(INDEXES)) {
      for (const suffix of Object.keys(definitions))
        await queryRunner.query(`DROP INDEX ${table}_${suffix}_idx`);
    }
    for (const { table, index, column } of REPLACED)
      await queryRunner.query(`CREATE INDEX ${table}_${index}_idx ON ${table} (${column})`);
  }
}

const trigram = (column: string) => `USING gin (${column} gin_trgm_ops)`;
const upper = (...columns: string[]) => `(${columns.map((column) => `upper(${column})`).join(', ')})`;

/**
 * Indexes of SearchIndexes1764000000400 rebuilt here: NAICS/PSC as text_pattern_ops (a plain btree serves
 * LIKE prefixes only under the C collation), and the prime tables' non-selective filter columns with
 * is_fpds included, so a count over many rows (a fiscal year, an award type) is an index-only scan: the
 * contract and assistance files split every prime table on is_fpds.
 */
const REPLACED: { table: string; index: string; column: string }[] = [
  ...['award_search', 'transaction_search'].flatMap((table) => [
    { table, index: 'naics', column: 'naics_code' },
    { table, index: 'psc', column: 'product_or_service_code' },
    { table, index: 'action_date', column: 'action_date' },
    { table, index: 'last_modified_date', column: 'last_modified_date' },
    { table, index: 'type', column: 'type' },
    {
      table,
      index: 'recipient_location_county',
      column:
        'recipient_location_country_code, recipient_location_state_code, recipient_location_county_code',
    },
    { table, index: 'pop_county', column: 'pop_country_code, pop_state_code, pop_county_code' },
  ]),
  { table: 'award_search', index: 'date_signed', column: 'date_signed' },
  { table: 'award_search', index: 'total_obligation', column: 'total_obligation' },
  { table: 'transaction_search', index: 'federal_action_obligation', column: 'federal_action_obligation' },
  { table: 'subaward_search', index: 'naics', column: 'naics' },
  { table: 'subaward_search', index: 'psc', column: 'product_or_service_code' },
];

const locationIndexes = (
  prefix: string,
  [country, state, county, district, city]: string[],
): Record<string, string> => ({
  [`${prefix}_upper_county`]: `(upper(${country}), upper(${state}), ${county})`,
  [`${prefix}_upper_district`]: `(upper(${state}), ${district})`,
  [`${prefix}_upper_city`]: upper(city),
});

const withFileFlag = (columns: string) => `(${columns}) INCLUDE (is_fpds)`;

/** Shared by award_search and transaction_search, whose filter columns have the same names. */
const primeIndexes = (amountColumn: string): Record<string, string> => ({
  naics: withFileFlag('naics_code text_pattern_ops'),
  psc: withFileFlag('product_or_service_code text_pattern_ops'),
  action_date: withFileFlag('action_date'),
  last_modified_date: withFileFlag('last_modified_date'),
  type: withFileFlag('type'),
  [amountColumn]: withFileFlag(amountColumn),
  recipient_location_county: withFileFlag(
    'recipient_location_country_code, recipient_location_state_code, recipient_location_county_code',
  ),
  pop_county: withFileFlag('pop_country_code, pop_state_code, pop_county_code'),
  upper_piid: upper('piid'),
  upper_fain: upper('fain'),
  upper_uri: upper('uri'),
  piid_trgm: trigram('piid'),
  fain_trgm: trigram('fain'),
  uri_trgm: trigram('uri'),
  upper_unique_award: upper('generated_unique_award_id'),
  recipient_name_trgm: trigram('recipient_name'),
  awarding_toptier_type_date: withFileFlag('awarding_toptier_agency_name, type, action_date'),
  awarding_subtier: '(awarding_subtier_agency_name, awarding_toptier_agency_name)',
  funding_toptier_type_date: withFileFlag('funding_toptier_agency_name, type, action_date'),
  funding_subtier: '(funding_subtier_agency_name, funding_toptier_agency_name)',
  ...locationIndexes('recipient_location', [
    'recipient_location_country_code',
    'recipient_location_state_code',
    'recipient_location_county_code',
    'recipient_location_congressional_code',
    'recipient_location_city_name',
  ]),
  ...locationIndexes('pop', [
    'pop_country_code',
    'pop_state_code',
    'pop_county_code',
    'pop_congressional_code',
    'pop_city_name',
  ]),
  business_categories: 'USING gin (business_categories)',
  pricing_type: withFileFlag('type_of_contract_pricing'),
  set_aside: withFileFlag('type_set_aside'),
  extent_competed: withFileFlag('extent_competed'),
  cfda_number: withFileFlag('cfda_number'),
});

const INDEXES: Record<string, Record<string, string>> = {
  award_search: {
    ...primeIndexes('total_obligation'),
    date_signed: withFileFlag('date_signed'),
    upper_display_award_id: upper('display_award_id'),
    display_award_id_trgm: trigram('display_award_id'),
    description_trgm: trigram('description'),
    cfdas: 'USING gin (cfdas)',
  },
  transaction_search: {
    ...primeIndexes('federal_action_obligation'),
    description_trgm: trigram('transaction_description'),
  },
  subaward_search: {
    naics: '(naics text_pattern_ops)',
    psc: '(product_or_service_code text_pattern_ops)',
    prime_award_type: '(prime_award_type)',
    upper_piid: upper('piid'),
    upper_fain: upper('fain'),
    upper_subaward_number: upper('subaward_number'),
    piid_trgm: trigram('piid'),
    fain_trgm: trigram('fain'),
    subaward_number_trgm: trigram('subaward_number'),
    upper_unique_award: upper('unique_award_key'),
    sub_recipient_name_trgm: trigram('sub_awardee_or_recipient_legal'),
    sub_recipient_duns: '(sub_awardee_or_recipient_uniqu)',
    awarding_toptier_type_date: '(awarding_agency_name, prime_award_type, sub_action_date)',
    awarding_subtier: '(awarding_sub_tier_agency_n, awarding_agency_name)',
    funding_toptier_type_date: '(funding_agency_name, prime_award_type, sub_action_date)',
    funding_subtier: '(funding_sub_tier_agency_na, funding_agency_name)',
    ...locationIndexes('sub_legal_entity', [
      'sub_legal_entity_country_code',
      'sub_legal_entity_state_code',
      'sub_legal_entity_county_code',
      'sub_legal_entity_congressional',
      'sub_legal_entity_city_name',
    ]),
    ...locationIndexes('sub_pop', [
      'sub_place_of_perform_country_co',
      'sub_place_of_perform_state_code',
      'sub_place_of_perform_county_code',
      'sub_place_of_perform_congressio',
      'sub_place_of_perform_city_name',
    ]),
    sub_business_types_trgm: trigram('sub_business_types'),
    cfda_numbers_trgm: trigram('cfda_numbers'),
    description_trgm: trigram('subaward_description'),
    date_submitted: '(date_submitted)',
  },
};

/** File C columns the account-linked filters (object class, program activity) select awards by. */
const ACCOUNT_INDEXES: Record<string, string> = {
  faba_object_class_id_idx: 'financial_accounts_by_awards (object_class_id)',
  faba_program_activity_id_idx: 'financial_accounts_by_awards (program_activity_id)',
};
