/** The Swagger example of POST /api/v2/download/search/: rows in all six files on the demo dataset (tested). */
export const SEARCH_EXAMPLE = {
  filters: { time_period: [{ start_date: '2022-10-01', end_date: '2023-09-30' }] },
  spending_level: ['awards', 'transactions', 'subawards'],
  file_format: 'csv',
  limit: 1000,
};
