/**
 * Swagger examples that return rows on the zero-configuration demo dataset (tested): DEFC O has awards,
 * subawards, GTAS balances and File B rows in every file of the generated download.
 */
export const DISASTER_EXAMPLE = { filters: { def_codes: ['O'] }, file_format: 'csv' } as const;

export const DISASTER_RECIPIENTS_EXAMPLE = {
  filters: { def_codes: ['L', 'M', 'N', 'O', 'P', 'U', 'V'] },
  file_format: 'csv',
} as const;
