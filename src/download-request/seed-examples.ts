/**
 * The request examples of the three original API documents (docs/compatibility.md#seed-examples), which every route must
 * accept as is. One copy serves the OpenAPI examples and the tests.
 */

/** seed 000: POST /api/v2/download/accounts/. */
export const SEED_ACCOUNT_EXAMPLE = {
  account_level: 'treasury_account',
  filters: {
    agency: '22',
    federal_account: '15',
    budget_function: '800',
    budget_subfunction: '801',
    submission_type: 'award_financial',
    fy: '2018',
    quarter: '2',
  },
  file_format: 'csv',
} as const;

/** seed 001: POST /api/v2/bulk_download/awards/. */
export const SEED_BULK_EXAMPLE = {
  filters: {
    agency: 50,
    award_types: ['contracts', 'grants'],
    date_range: { start_date: '2019-01-01', end_date: '2019-12-31' },
    date_type: 'action_date',
  },
  award_levels: ['prime_awards', 'sub_awards'],
} as const;

/** seed 002: POST /api/v2/download/awards/. */
export const SEED_AWARD_EXAMPLE = {
  filters: { keywords: ['Defense'] },
  columns: [
    'assistance_award_unique_key',
    'award_id_fain',
    'award_id_uri',
    'sai_number',
    'total_funding_amount',
  ],
} as const;
