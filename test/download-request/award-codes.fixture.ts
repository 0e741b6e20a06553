/** Default `award_type_codes` after canonical sorting (docs/compatibility.md#award-type-groups): `-1` first, F-codes included. */
// prettier-ignore
export const ALL_CODES_SORTED = [
  '-1', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', 'A', 'B', 'C', 'D',
  'F001', 'F002', 'F003', 'F004', 'F005', 'F006', 'F007', 'F008', 'F009', 'F010',
  'IDV_A', 'IDV_B', 'IDV_B_A', 'IDV_B_B', 'IDV_B_C', 'IDV_C', 'IDV_D', 'IDV_E',
];

/** The same list as it appears inside the canonical JSON string. */
export const ALL_CODES_JSON = `[${ALL_CODES_SORTED.map((code) => `"${code}"`).join(', ')}]`;
