/** Award type codes by group (docs/compatibility.md#award-type-groups), with a share of generated awards per group. */
export interface AwardTypeSpec {
  readonly code: string;
  readonly description: string;
  readonly category: 'contract' | 'idv' | 'grant' | 'direct payment' | 'loans' | 'insurance' | 'other';
  readonly isFpds: boolean;
}

const spec = (code: string, description: string, category: AwardTypeSpec['category']): AwardTypeSpec => ({
  code,
  description,
  category,
  isFpds: category === 'contract' || category === 'idv',
});

export const CONTRACT_TYPES = [
  spec('A', 'BPA CALL', 'contract'),
  spec('B', 'PURCHASE ORDER', 'contract'),
  spec('C', 'DELIVERY ORDER', 'contract'),
  spec('D', 'DEFINITIVE CONTRACT', 'contract'),
];
export const IDV_TYPES = [
  spec('IDV_A', 'GWAC Government Wide Acquisition Contract', 'idv'),
  spec('IDV_B', 'IDC Multi-Agency Contract, Other Indefinite Delivery Contract', 'idv'),
  spec('IDV_B_A', 'IDC Indefinite Delivery Contract / Requirements', 'idv'),
  spec('IDV_B_B', 'IDC Indefinite Delivery Contract / Indefinite Quantity', 'idv'),
  spec('IDV_B_C', 'IDC Indefinite Delivery Contract / Definite Quantity', 'idv'),
  spec('IDV_C', 'FSS Federal Supply Schedule', 'idv'),
  spec('IDV_D', 'BOA Basic Ordering Agreement', 'idv'),
  spec('IDV_E', 'BPA Blanket Purchase Agreement', 'idv'),
];
export const GRANT_TYPES = [
  spec('02', 'BLOCK GRANT (A)', 'grant'),
  spec('03', 'FORMULA GRANT (A)', 'grant'),
  spec('04', 'PROJECT GRANT (B)', 'grant'),
  spec('05', 'COOPERATIVE AGREEMENT (B)', 'grant'),
  spec('F001', 'GRANT', 'grant'),
  spec('F002', 'COOPERATIVE AGREEMENT', 'grant'),
];
export const DIRECT_PAYMENT_TYPES = [
  spec(
    '06',
    'DIRECT PAYMENT FOR SPECIFIED USE, AS A SUBSIDY OR OTHER NON-REIMBURSABLE DIRECT FINANCIAL AID (C)',
    'direct payment',
  ),
  spec(
    '10',
    'DIRECT PAYMENT WITH UNRESTRICTED USE (RETIREMENT, PENSION, VETERANS BENEFITS, ETC.) (D)',
    'direct payment',
  ),
  spec('F006', 'DIRECT PAYMENT FOR SPECIFIED USE', 'direct payment'),
  spec('F007', 'DIRECT PAYMENT WITH UNRESTRICTED USE', 'direct payment'),
];
export const LOAN_TYPES = [
  spec('07', 'DIRECT LOAN (E)', 'loans'),
  spec('08', 'GUARANTEED/INSURED LOAN (F)', 'loans'),
  spec('F003', 'DIRECT LOAN', 'loans'),
  spec('F004', 'LOAN GUARANTEE', 'loans'),
];
export const OTHER_TYPES = [
  spec('09', 'INSURANCE (G)', 'insurance'),
  spec('11', 'OTHER FINANCIAL ASSISTANCE', 'other'),
  spec('-1', 'NOT SPECIFIED', 'other'),
  spec('F005', 'INDEMNITY / INSURANCE (NON-LOAN)', 'insurance'),
  spec('F008', 'ASSET FORFEITURE / EQUITABLE SHARING', 'other'),
  spec('F009', 'SALE, EXCHANGE, OR DONATION OF PROPERTY AND GOODS', 'other'),
  spec('F010', 'OTHER FINANCIAL ASSISTANCE', 'other'),
];

/** Cumulative shares: contracts 42%, IDVs 6%, grants 24%, direct payments 12%, loans 8%, other 8%. */
const GROUPS: readonly (readonly [number, readonly AwardTypeSpec[]])[] = [
  [0.42, CONTRACT_TYPES],
  [0.48, IDV_TYPES],
  [0.72, GRANT_TYPES],
  [0.84, DIRECT_PAYMENT_TYPES],
  [0.92, LOAN_TYPES],
  [1, OTHER_TYPES],
];

/** The type of an award from two uniform draws (group, then code within the group). */
export function awardTypeFor(groupDraw: number, codeDraw: number): AwardTypeSpec {
  const group = GROUPS.find(([limit]) => groupDraw < limit)?.[1] ?? OTHER_TYPES;
  return group[Math.floor(codeDraw * group.length)];
}

/** The type of an award type code (throws on a code the generator does not know). */
export function awardTypeOf(code: string): AwardTypeSpec {
  const type = GROUPS.flatMap(([, group]) => group).find((candidate) => candidate.code === code);
  if (!type) throw new Error(`Unknown award type code ${code}`);
  return type;
}
