/** Which award-side table a download file reads; filters map to different columns on each. */
export type AwardTableKind = 'award' | 'transaction' | 'subaward';

export interface LocationColumns {
  country: string;
  state: string;
  county: string;
  district: string;
  zip: string;
  city: string;
}

export interface AwardFilterColumns {
  /** Alias of the base table in the catalog's FROM clause. */
  alias: string;
  /** Key joining to financial_accounts_by_awards.award_id (account-based filters). */
  awardId: string;
  keywordVector: string;
  dates: { action: string; signed: string; lastModified: string };
  type: string;
  amount: string;
  agencies: {
    awardingToptier: string;
    awardingSubtier: string;
    fundingToptier: string;
    fundingSubtier: string;
  };
  recipientName: string;
  recipientUei: string;
  recipientDuns: string;
  recipientLocation: LocationColumns;
  popLocation: LocationColumns;
  naics: string;
  psc: string;
  pricingType: string;
  setAside: string;
  extentCompeted: string;
  cfda: string;
  /** Columns an `award_ids` entry is compared with. */
  awardIdColumns: string[];
  description: string;
  uniqueAwardKey: string;
  /** text[] of business categories, or a text column matched by containment for subawards. */
  businessCategories: { column: string; isArray: boolean };
  /** text[] of DEF codes on the award (undefined: resolved through File C). */
  defCodesArray?: string;
}

const sharedPrimeColumns = (alias: string) => ({
  alias,
  awardId: `${alias}.award_id`,
  keywordVector: `${alias}.keyword_ts_vector`,
  type: `${alias}.type`,
  recipientName: `${alias}.recipient_name`,
  recipientUei: `${alias}.recipient_uei`,
  recipientDuns: `${alias}.recipient_unique_id`,
  recipientLocation: location(
    alias,
    'recipient_location_country_code',
    'recipient_location_state_code',
    'recipient_location_county_code',
    'recipient_location_congressional_code',
    'recipient_location_zip5',
    'recipient_location_city_name',
  ),
  popLocation: location(
    alias,
    'pop_country_code',
    'pop_state_code',
    'pop_county_code',
    'pop_congressional_code',
    'pop_zip5',
    'pop_city_name',
  ),
  naics: `${alias}.naics_code`,
  psc: `${alias}.product_or_service_code`,
  pricingType: `${alias}.type_of_contract_pricing`,
  setAside: `${alias}.type_set_aside`,
  extentCompeted: `${alias}.extent_competed`,
  cfda: `${alias}.cfda_number`,
  awardIdColumns: ['piid', 'fain', 'uri'].map((column) => `${alias}.${column}`),
  uniqueAwardKey: `${alias}.generated_unique_award_id`,
  businessCategories: { column: `${alias}.business_categories`, isArray: true },
});

function location(
  alias: string,
  ...[country, state, county, district, zip, city]: string[]
): LocationColumns {
  const column = (name: string) => `${alias}.${name}`;
  return {
    country: column(country),
    state: column(state),
    county: column(county),
    district: column(district),
    zip: column(zip),
    city: column(city),
  };
}

export const AWARD_FILTER_COLUMNS: Record<AwardTableKind, AwardFilterColumns> = {
  award: {
    ...sharedPrimeColumns('award_search'),
    // An award is "in" a period when its first action is before the end and its last one after the start.
    dates: {
      action: 'award_search.action_date',
      signed: 'award_search.date_signed',
      lastModified: 'award_search.last_modified_date',
    },
    amount: 'award_search.total_obligation',
    agencies: {
      awardingToptier: 'award_search.awarding_toptier_agency_name',
      awardingSubtier: 'award_search.awarding_subtier_agency_name',
      fundingToptier: 'award_search.funding_toptier_agency_name',
      fundingSubtier: 'award_search.funding_subtier_agency_name',
    },
    awardIdColumns: ['piid', 'fain', 'uri', 'display_award_id'].map((column) => `award_search.${column}`),
    description: 'award_search.description',
    defCodesArray: 'award_search.disaster_emergency_fund_codes',
  },
  transaction: {
    ...sharedPrimeColumns('transaction_search'),
    dates: {
      action: 'transaction_search.action_date',
      signed: 'transaction_search.action_date',
      lastModified: 'transaction_search.last_modified_date',
    },
    amount: 'transaction_search.federal_action_obligation',
    agencies: {
      awardingToptier: 'transaction_search.awarding_toptier_agency_name',
      awardingSubtier: 'transaction_search.awarding_subtier_agency_name',
      fundingToptier: 'transaction_search.funding_toptier_agency_name',
      fundingSubtier: 'transaction_search.funding_subtier_agency_name',
    },
    description: 'transaction_search.transaction_description',
  },
  subaward: {
    alias: 'subaward_search',
    awardId: 'subaward_search.award_id',
    keywordVector: 'subaward_search.keyword_ts_vector',
    dates: {
      action: 'subaward_search.sub_action_date',
      signed: 'subaward_search.sub_action_date',
      lastModified: 'subaward_search.date_submitted',
    },
    type: 'subaward_search.prime_award_type',
    amount: 'subaward_search.subaward_amount',
    agencies: {
      awardingToptier: 'subaward_search.awarding_agency_name',
      awardingSubtier: 'subaward_search.awarding_sub_tier_agency_n',
      fundingToptier: 'subaward_search.funding_agency_name',
      fundingSubtier: 'subaward_search.funding_sub_tier_agency_na',
    },
    recipientName: 'subaward_search.sub_awardee_or_recipient_legal',
    recipientUei: 'subaward_search.sub_awardee_or_recipient_uei',
    recipientDuns: 'subaward_search.sub_awardee_or_recipient_uniqu',
    recipientLocation: location(
      'subaward_search',
      'sub_legal_entity_country_code',
      'sub_legal_entity_state_code',
      'sub_legal_entity_county_code',
      'sub_legal_entity_congressional',
      'sub_legal_entity_zip5',
      'sub_legal_entity_city_name',
    ),
    popLocation: location(
      'subaward_search',
      'sub_place_of_perform_country_co',
      'sub_place_of_perform_state_code',
      'sub_place_of_perform_county_code',
      'sub_place_of_perform_congressio',
      'sub_place_of_perform_zip5',
      'sub_place_of_perform_city_name',
    ),
    naics: 'subaward_search.naics',
    psc: 'subaward_search.product_or_service_code',
    // Competition attributes belong to the prime contract's latest action.
    pricingType: 'latest_transaction.type_of_contract_pricing',
    setAside: 'latest_transaction.type_set_aside',
    extentCompeted: 'latest_transaction.extent_competed',
    cfda: 'subaward_search.cfda_numbers',
    awardIdColumns: ['piid', 'fain', 'subaward_number'].map((column) => `subaward_search.${column}`),
    description: 'subaward_search.subaward_description',
    uniqueAwardKey: 'subaward_search.unique_award_key',
    businessCategories: { column: 'subaward_search.sub_business_types', isArray: false },
  },
};
