/**
 * Award type codes and their groups (docs/compatibility.md#award-type-groups). Declaration order matters: it is the order the reference lists
 * them in enum error messages; the canonical request sorts them.
 */

/** All 33 codes of the reference's `award_type_mapping`, in its declaration order. */
export const AWARD_TYPE_CODES = [
  'IDV_A',
  'IDV_B',
  'IDV_B_A',
  'IDV_B_B',
  'IDV_B_C',
  'IDV_C',
  'IDV_D',
  'IDV_E',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  'A',
  'B',
  'C',
  'D',
  '-1',
  'F001',
  'F002',
  'F003',
  'F004',
  'F005',
  'F006',
  'F007',
  'F008',
  'F009',
  'F010',
] as const;

export type AwardTypeCode = (typeof AWARD_TYPE_CODES)[number];

/** Advanced-search sentinel accepted by `award_type_codes` (matches nothing). */
export const NO_INTERSECTION = 'no intersection';

export const CONTRACT_CODES: readonly AwardTypeCode[] = ['A', 'B', 'C', 'D'];
export const IDV_CODES: readonly AwardTypeCode[] = [
  'IDV_A',
  'IDV_B',
  'IDV_B_A',
  'IDV_B_B',
  'IDV_B_C',
  'IDV_C',
  'IDV_D',
  'IDV_E',
];
export const GRANT_CODES: readonly AwardTypeCode[] = ['02', '03', '04', '05', 'F001', 'F002'];
export const DIRECT_PAYMENT_CODES: readonly AwardTypeCode[] = ['06', '10', 'F006', 'F007'];
export const LOAN_CODES: readonly AwardTypeCode[] = ['07', '08', 'F003', 'F004'];
/** Insurance is a subset of other financial assistance. */
export const INSURANCE_CODES: readonly AwardTypeCode[] = ['09', 'F005'];
export const OTHER_FINANCIAL_ASSISTANCE_CODES: readonly AwardTypeCode[] = [
  '09',
  'F005',
  '11',
  '-1',
  'F008',
  'F009',
  'F010',
];

/** Contracts ∪ IDVs (12 codes): rows of the `d1` (Contracts) files. */
export const PROCUREMENT_CODES: readonly AwardTypeCode[] = [...CONTRACT_CODES, ...IDV_CODES];

/** Grants ∪ direct payments ∪ loans ∪ other (21 codes): rows of the `d2` (Assistance) files. */
export const ASSISTANCE_CODES: readonly AwardTypeCode[] = [
  ...GRANT_CODES,
  ...DIRECT_PAYMENT_CODES,
  ...LOAN_CODES,
  ...OTHER_FINANCIAL_ASSISTANCE_CODES,
];

/** The categories of the seeds' bulk `award_types` (docs/compatibility.md#where-we-depart policy), each mapped to its codes. */
export const AWARD_TYPE_GROUPS = {
  contracts: CONTRACT_CODES,
  idvs: IDV_CODES,
  grants: GRANT_CODES,
  direct_payments: DIRECT_PAYMENT_CODES,
  loans: LOAN_CODES,
  other_financial_assistance: OTHER_FINANCIAL_ASSISTANCE_CODES,
} as const satisfies Record<string, readonly AwardTypeCode[]>;

export type AwardTypeGroup = keyof typeof AWARD_TYPE_GROUPS;

/** Subaward types (`all_subaward_types`): `procurement` subawards sit under contracts, `grant` under assistance. */
export const SUBAWARD_TYPES = ['grant', 'procurement'] as const;

export type SubawardType = (typeof SUBAWARD_TYPES)[number];
