import { AwardFilters } from '../../filters/award-filter.types';
import { FileFormat } from './download-common.rules';

/** The three files kinds of an Advanced Search "download everything" request, as download types. */
export type SearchDownloadType =
  'elasticsearch_awards' | 'elasticsearch_sub_awards' | 'elasticsearch_transactions';

/**
 * The canonical `download_request` of POST /api/v2/download/search/: the `/download/awards` request with the
 * download types the client's `spending_level` chose. `spending_level` itself is always echoed as the
 * default list, as the reference does (it never copies the client's value into what it validates).
 */
export interface SearchDownloadRequest {
  readonly columns?: readonly string[];
  readonly download_types: readonly SearchDownloadType[];
  readonly file_format: FileFormat;
  readonly filters: AwardFilters & { readonly award_type_codes: readonly string[] };
  readonly limit: number;
  readonly request_type: 'search';
  readonly spending_level: readonly ['awards', 'subawards', 'transactions'];
}
