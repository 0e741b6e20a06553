import { AgencyFilter, LocationFilter, LocationScope } from '../../filters/award-filter.types';
import { FileFormat } from '../../awards-download/request/download-common.rules';

/** The download types a bulk request can produce (docs/compatibility.md#download-types-per-route): prime transactions and subawards. */
export type BulkDownloadType = 'elasticsearch_sub_awards' | 'prime_awards';

/** The date fields a custom bulk request filters on (docs/compatibility.md#custom-award-data-bulk). */
export type BulkDateType = 'action_date' | 'last_modified_date';

/** Per-type codes of a custom request: award type codes for prime files, `grant`/`procurement` for subawards. */
export type PrimeAndSubAwardTypes = Readonly<Partial<Record<BulkDownloadType, readonly string[]>>>;

/** Filters of a custom-mode `download_request` (docs/compatibility.md#custom-award-data-bulk), plus the seeds' keyword (docs/compatibility.md#where-we-depart). */
export interface BulkCustomFilters {
  readonly agencies?: readonly AgencyFilter[];
  readonly keywords?: readonly string[];
  readonly place_of_performance_locations?: readonly LocationFilter[];
  readonly place_of_performance_scope?: LocationScope;
  readonly prime_and_sub_award_types: PrimeAndSubAwardTypes;
  readonly recipient_locations?: readonly LocationFilter[];
  readonly recipient_scope?: LocationScope;
  readonly time_period: readonly [
    { readonly date_type: BulkDateType; readonly end_date: string; readonly start_date: string },
  ];
}

/** Filters of a keyword-mode `download_request` (docs/compatibility.md#custom-award-data-bulk). */
export interface BulkKeywordFilters {
  readonly award_type_codes: readonly string[];
  readonly transaction_keyword_search: readonly string[];
}

/** The canonical `download_request` of POST /api/v2/bulk_download/awards/ (keys sorted, columns in client order). */
export interface BulkAwardRequest {
  readonly columns?: readonly string[];
  readonly download_types: readonly BulkDownloadType[];
  readonly file_format: FileFormat;
  readonly filters: BulkCustomFilters | BulkKeywordFilters;
  /** Keyword mode only: it is a row-limited download. */
  readonly limit?: number;
  readonly request_type: 'award';
}

/** What normalizing a bulk request needs from outside: the day, and the longest allowed date range. */
export interface BulkRequestOptions {
  /** Today in UTC, `YYYY-MM-DD`: the default `end_date`. */
  readonly today: string;
  /** Longest `date_range` in days (reference: 366); archives pass Infinity. */
  readonly maxDays: number;
}

/** A custom-mode request complete but for its `agencies` (the only part that needs the database). */
export type BulkCustomBase = Omit<BulkAwardRequest, 'filters'> & {
  readonly filters: Omit<BulkCustomFilters, 'agencies'>;
};

/**
 * A validated bulk request. Custom mode still needs the toptier agency's name when a numeric `agency` was sent
 * (a database lookup, kept out of this pure code): `finishCustomBulkRequest` completes it.
 */
export type BulkRequestDraft =
  | { readonly mode: 'keyword'; readonly request: BulkAwardRequest }
  | {
      readonly mode: 'custom';
      /** toptier_agency_id whose name becomes the agency filter; absent for `all` or no agency. */
      readonly agencyId?: number;
      readonly subAgency?: string;
      /** The client's own `agencies` list, which replaces the `agency` filter when sent. */
      readonly agencies?: readonly AgencyFilter[];
      readonly base: BulkCustomBase;
    };
