/**
 * Swagger examples that return rows on the zero-configuration demo dataset (the small seed, which is
 * deterministic): an IDV with a child IDV, child and grandchild orders and File C funding; a contract and an
 * assistance award with several transactions, File C rows and subawards. The e2e tests check they still do.
 */
export const AWARD_PAGE_EXAMPLES = {
  idv: { award_id: 'CONT_IDV_NLRB17IDVD00000B3_42000' },
  contract: { award_id: 'CONT_AWD_CIA22B000009C_056XX_-NONE-_-NONE-', file_format: 'csv' },
  assistance: { award_id: 'ASST_NON_202001420000018V_01420', limit: 500000 },
} as const;
