import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes behind every award filter of the download endpoints (docs/compatibility.md#row-limited-award-downloads, #custom-award-data-bulk): dates and fiscal year,
 * award type, awarding/funding agency, recipient name/UEI/DUNS, recipient and place-of-performance
 * location codes, NAICS, PSC, amounts, and a GIN index on the keyword tsvector. Composite location
 * indexes are ordered country → state → county/district so one index serves each narrower filter.
 *
 * The bulk seeder drops these before a large load and recreates them from pg_indexes afterwards, so
 * this migration stays the only place the definitions live.
 */
export class SearchIndexes1764000000400 implements MigrationInterface {
  name = 'SearchIndexes1764000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, definitions] of Object.entries(INDEXES)) {
      for (const [suffix, expression] of Object.entries(definitions)) {
        const method = suffix === 'keyword' ? 'USING gin ' : '';
        await queryRunner.query(`CREATE INDEX ${table}_${suffix}_idx ON ${table} ${method}(${expression})`);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, definitions] of Object.entries(INDEXES)) {
      for (const suffix of Object.keys(definitions))
        await queryRunner.query(`DROP INDEX ${table}_${suffix}_idx`);
    }
  }
}

const LOCATION_INDEXES = (
  prefix: string,
  county: string,
  district: string,
  zip: string,
): Record<string, string> => ({
  [`${prefix}_county`]: `${prefix}_country_code, ${prefix}_state_code, ${county}`,
  [`${prefix}_district`]: `${prefix}_state_code, ${district}`,
  [`${prefix}_zip`]: zip,
});

const INDEXES: Record<string, Record<string, string>> = {
  award_search: {
    action_date: 'action_date',
    date_signed: 'date_signed',
    last_modified_date: 'last_modified_date',
    fiscal_year: 'fiscal_year',
    type: 'type',
    awarding_agency: 'awarding_agency_id',
    funding_agency: 'funding_agency_id',
    recipient_name: 'recipient_name',
    recipient_uei: 'recipient_uei',
    recipient_unique_id: 'recipient_unique_id',
    ...LOCATION_INDEXES(
      'recipient_location',
      'recipient_location_county_code',
      'recipient_location_congressional_code',
      'recipient_location_zip5',
    ),
    ...LOCATION_INDEXES('pop', 'pop_county_code', 'pop_congressional_code', 'pop_zip5'),
    naics: 'naics_code',
    psc: 'product_or_service_code',
    total_obligation: 'total_obligation',
    keyword: 'keyword_ts_vector',
  },
  transaction_search: {
    award_id: 'award_id',
    action_date: 'action_date',
    last_modified_date: 'last_modified_date',
    fiscal_year: 'fiscal_year',
    type: 'type',
    awarding_agency: 'awarding_agency_id',
    funding_agency: 'funding_agency_id',
    recipient_name: 'recipient_name',
    recipient_uei: 'recipient_uei',
    recipient_unique_id: 'recipient_unique_id',
    ...LOCATION_INDEXES(
      'recipient_location',
      'recipient_location_county_code',
      'recipient_location_congressional_code',
      'recipient_location_zip5',
    ),
    ...LOCATION_INDEXES('pop', 'pop_county_code', 'pop_congressional_code', 'pop_zip5'),
    naics: 'naics_code',
    psc: 'product_or_service_code',
    federal_action_obligation: 'federal_action_obligation',
    keyword: 'keyword_ts_vector',
  },
  subaward_search: {
    award_id: 'award_id',
    latest_transaction_id: 'latest_transaction_id',
    sub_action_date: 'sub_action_date',
    sub_fiscal_year: 'sub_fiscal_year',
    prime_award_group: 'prime_award_group',
    awarding_agency: 'awarding_agency_id',
    funding_agency: 'funding_agency_id',
    sub_recipient_name: 'sub_awardee_or_recipient_legal',
    sub_recipient_uei: 'sub_awardee_or_recipient_uei',
    sub_legal_entity_county:
      'sub_legal_entity_country_code, sub_legal_entity_state_code, sub_legal_entity_county_code',
    sub_legal_entity_zip: 'sub_legal_entity_zip5',
    sub_pop_county:
      'sub_place_of_perform_country_co, sub_place_of_perform_state_code, sub_place_of_perform_county_code',
    sub_pop_zip: 'sub_place_of_perform_zip5',
    naics: 'naics',
    psc: 'product_or_service_code',
    subaward_amount: 'subaward_amount',
    keyword: 'keyword_ts_vector',
  },
};
