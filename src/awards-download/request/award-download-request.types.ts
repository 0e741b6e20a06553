import { AwardFilters } from '../../filters/award-filter.types';
import { AwardDownloadType } from '../../download-request/award-types/award-download-type.constants';
import { FileFormat } from './download-common.rules';

/** The two row-limited award endpoints: POST /api/v2/download/awards/ and /api/v2/download/transactions/. */
export type AwardDownloadEndpoint = 'awards' | 'transactions';

/**
 * The canonical `download_request` of a row-limited award download (docs/compatibility.md#canonical-download-request): keys sorted at every level,
 * scalar lists sorted, object lists sorted and de-duplicated, `columns` in client order.
 */
export interface AwardDownloadRequest {
  /** Present only when the client asked for specific columns; absent means all columns. */
  readonly columns?: readonly string[];
  readonly download_types: readonly AwardDownloadType[];
  readonly file_format: FileFormat;
  /** `award_type_codes` defaults to all 33 codes. */
  readonly filters: AwardFilters & { readonly award_type_codes: readonly string[] };
  /** Rows per file, 1..500000. */
  readonly limit: number;
  readonly request_type: 'award';
}

/** POST /api/v2/download/count/ `spending_level`. */
export type SpendingLevel = 'awards' | 'transactions' | 'subawards';

/** A validated count request (docs/compatibility.md#count); `filters` may be empty (count everything). */
export interface DownloadCountRequest {
  readonly filters: AwardFilters;
  readonly spending_level: SpendingLevel;
  /** Deprecated spelling of `spending_level: "subawards"`; either one selects subawards. */
  readonly subawards: boolean;
}

/** A count request plus the `filters` keys it ignored, for the response's `messages`. */
export interface NormalizedCountRequest {
  readonly request: DownloadCountRequest;
  readonly unusedFilters: readonly string[];
}
