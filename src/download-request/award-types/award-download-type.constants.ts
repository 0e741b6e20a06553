/**
 * Award-level download types: the values of `download_request.download_types` for award requests, with the
 * display name used in zip names (docs/compatibility.md#zip-file-names) and the file type of their column lists (docs/compatibility.md#award-file-sources).
 */

export const AWARD_DOWNLOAD_TYPES = [
  'elasticsearch_awards',
  'elasticsearch_sub_awards',
  'elasticsearch_transactions',
  'prime_awards',
  'sub_awards',
  'transactions',
] as const;

export type AwardDownloadType = (typeof AWARD_DOWNLOAD_TYPES)[number];

/** Which rows a download type exports; the first half of a column-catalog key (`transaction.d1`). */
export type AwardFileType = 'award' | 'transaction' | 'sub_award';

export const AWARD_FILE_TYPE_OF: Readonly<Record<AwardDownloadType, AwardFileType>> = {
  elasticsearch_awards: 'award',
  elasticsearch_sub_awards: 'sub_award',
  elasticsearch_transactions: 'transaction',
  prime_awards: 'transaction',
  sub_awards: 'sub_award',
  transactions: 'transaction',
};

/** The part each download type contributes to a zip name (`PrimeAwardSummariesAndSubawards_...`). */
export const AWARD_DOWNLOAD_DISPLAY_NAMES: Readonly<Record<AwardDownloadType, string>> = {
  elasticsearch_awards: 'PrimeAwardSummaries',
  elasticsearch_sub_awards: 'Subawards',
  elasticsearch_transactions: 'PrimeTransactions',
  prime_awards: 'PrimeTransactions',
  sub_awards: 'Subawards',
  transactions: 'PrimeTransactions',
};

/** The server-set `download_types` of POST /api/v2/download/awards/ (already in canonical order). */
export const AWARDS_ENDPOINT_DOWNLOAD_TYPES: readonly AwardDownloadType[] = [
  'elasticsearch_awards',
  'elasticsearch_sub_awards',
];

/** The server-set `download_types` of POST /api/v2/download/transactions/ (already in canonical order). */
export const TRANSACTIONS_ENDPOINT_DOWNLOAD_TYPES: readonly AwardDownloadType[] = [
  'elasticsearch_sub_awards',
  'elasticsearch_transactions',
];
