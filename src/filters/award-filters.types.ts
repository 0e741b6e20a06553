/** The validated, canonical `filters` of an award download request (api.md §3.2). */
export interface TimePeriodFilter {
  start_date?: string;
  end_date?: string;
  date_type?: 'action_date' | 'last_modified_date' | 'date_signed' | 'new_awards_only';
}

export interface AgencyFilter {
  type: 'awarding' | 'funding';
  tier: 'toptier' | 'subtier';
  name: string;
  toptier_name?: string;
}

export interface LocationFilter {
  country: string;
  state?: string;
  county?: string;
  city?: string;
  zip?: string;
  district_original?: string;
  district_current?: string;
}

export interface AmountFilter {
  lower_bound?: number;
  upper_bound?: number;
}

export interface TreeFilter<T> {
  require?: T[];
  exclude?: T[];
}

export interface TasComponents {
  ata?: string | null;
  aid: string;
  bpoa?: string | null;
  epoa?: string | null;
  a?: string | null;
  main: string;
  sub?: string | null;
}

export interface AwardFilters {
  keywords?: string[];
  time_period?: TimePeriodFilter[];
  agencies?: AgencyFilter[];
  award_type_codes?: string[];
  award_ids?: string[];
  award_amounts?: AmountFilter[];
  recipient_search_text?: string[];
  recipient_scope?: 'domestic' | 'foreign';
  recipient_locations?: LocationFilter[];
  recipient_type_names?: string[];
  place_of_performance_scope?: 'domestic' | 'foreign';
  place_of_performance_locations?: LocationFilter[];
  naics_codes?: (number | string)[] | TreeFilter<number | string>;
  psc_codes?: string[] | TreeFilter<string[]>;
  contract_pricing_type_codes?: string[];
  set_aside_type_codes?: string[];
  extent_competed_type_codes?: string[];
  program_numbers?: string[];
  tas_codes?: TasComponents[] | TreeFilter<string[]>;
  treasury_account_components?: TasComponents[];
  def_codes?: string[];
  federal_account_ids?: (number | string)[];
  object_class_ids?: (number | string)[];
  program_activity_ids?: (number | string)[];
  description?: string;
  award_unique_id?: string;
  /** Bulk downloads: only the listed subaward/prime code groups (generation.md §5.1). */
  [other: string]: unknown;
}
