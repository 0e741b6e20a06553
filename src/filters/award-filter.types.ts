/**
 * Validated advanced-search filters as they appear in a canonical `download_request` (docs/compatibility.md#advanced-search-filters): every list is
 * non-empty, texts are trimmed, dates are zero-padded `YYYY-MM-DD`, digit strings became numbers.
 */

export type LocationScope = 'domestic' | 'foreign';

export type TimePeriodDateType = 'action_date' | 'last_modified_date' | 'date_signed' | 'new_awards_only';

/** Each member optional; with no `date_type` the consumer applies its default (`action_date`). */
export interface TimePeriodFilter {
  readonly start_date?: string;
  readonly end_date?: string;
  readonly date_type?: TimePeriodDateType;
}

export interface AwardAmountFilter {
  readonly lower_bound?: number;
  readonly upper_bound?: number;
}

export interface AgencyFilter {
  readonly type: 'funding' | 'awarding';
  readonly tier: 'toptier' | 'subtier';
  readonly name: string;
  /** Disambiguates a subtier name shared by several toptier agencies. */
  readonly toptier_name?: string;
}

/** The seeds' `district` arrives here as `district_original`. */
export interface LocationFilter {
  readonly country: string;
  readonly state?: string;
  readonly zip?: string;
  readonly district_original?: string;
  readonly district_current?: string;
  readonly county?: string;
  readonly city?: string;
}

/** Treasury account symbol components; null means "this component is empty" where allowed. */
export interface TasComponentsFilter {
  readonly ata?: string | null;
  readonly aid?: string;
  readonly bpoa?: string | null;
  readonly epoa?: string | null;
  readonly a?: string | null;
  readonly main?: string;
  readonly sub?: string | null;
}

/** `require`/`exclude` trees of positional paths (`["Service", "B", "B5"]`), psc_codes and tas_codes. */
export interface PathTreeFilter {
  readonly require?: readonly (readonly string[])[];
  readonly exclude?: readonly (readonly string[])[];
}

export interface NaicsTreeFilter {
  readonly require?: readonly number[];
  readonly exclude?: readonly number[];
}

export interface AwardFilters {
  readonly award_ids?: readonly string[];
  readonly award_type_codes?: readonly string[];
  readonly contract_pricing_type_codes?: readonly string[];
  readonly extent_competed_type_codes?: readonly string[];
  /** Also holds the seeds' `keyword`, `elasticsearch_keyword` and `transaction_keyword_search`. */
  readonly keywords?: readonly string[];
  /** Bulk keyword mode (docs/compatibility.md#custom-award-data-bulk) keeps its keywords under this name. */
  readonly transaction_keyword_search?: readonly string[];
  readonly legal_entities?: readonly number[];
  readonly naics_codes?: readonly number[] | NaicsTreeFilter;
  readonly place_of_performance_scope?: LocationScope;
  readonly program_numbers?: readonly string[];
  readonly psc_codes?: readonly string[] | PathTreeFilter;
  /** /download/count only. */
  readonly recipient_id?: string;
  readonly recipient_scope?: LocationScope;
  /** The seeds' single string arrives here as a one-element list. */
  readonly recipient_search_text?: readonly string[];
  readonly recipient_type_names?: readonly string[];
  readonly set_aside_type_codes?: readonly string[];
  readonly time_period?: readonly TimePeriodFilter[];
  readonly award_amounts?: readonly AwardAmountFilter[];
  readonly agencies?: readonly AgencyFilter[];
  readonly recipient_locations?: readonly LocationFilter[];
  readonly place_of_performance_locations?: readonly LocationFilter[];
  readonly treasury_account_components?: readonly TasComponentsFilter[];
  readonly tas_codes?: readonly TasComponentsFilter[] | PathTreeFilter;
  readonly def_codes?: readonly string[];
  readonly description?: string;
  readonly award_unique_id?: string;
  /** Seed filters (docs/compatibility.md#where-we-depart): awards linked through File C to these federal accounts / object classes / PAs. */
  readonly federal_account_ids?: readonly number[];
  readonly object_class_ids?: readonly number[];
  readonly program_activity_ids?: readonly number[];
}
