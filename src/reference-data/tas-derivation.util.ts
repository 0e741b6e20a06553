/**
 * Derives agencies, CGAC codes, federal accounts, TAS and budget functions from tas_list.csv (one row
 * per Treasury Account Symbol). Ids are computed from the codes, not from file order, so a reload
 * keeps every id and the rows that reference it.
 */
export interface TasListRow {
  readonly ACCT_NUM: string;
  readonly ATA: string;
  readonly AID: string;
  readonly BPOA: string;
  readonly EPOA: string;
  readonly A: string;
  readonly MAIN: string;
  readonly SUB: string;
  readonly GWA_TAS_NAME: string;
  readonly 'Agency AID': string;
  readonly 'Agency Name': string;
  readonly ADMIN_ORG: string;
  readonly 'Admin Org Name': string;
  readonly 'FR Entity Type': string;
  readonly 'FR Entity Description': string;
  readonly 'Function Code': string;
  readonly 'Function Description': string;
  readonly 'Sub Function Code': string;
  readonly 'Sub Function Description': string;
  readonly DT_TM_ESTAB: string;
  readonly DT_END: string;
}

export interface ToptierAgencyRow {
  id: number;
  code: string;
  abbreviation: string;
  name: string;
}
export interface SubtierAgencyRow {
  id: number;
  code: string;
  name: string;
  toptierId: number;
  isToptierSelf: boolean;
}
export interface FederalAccountRow {
  id: number;
  agencyIdentifier: string;
  mainAccountCode: string;
  title: string;
  code: string;
  parentToptierId: number;
}
export interface BudgetFunctionRow {
  subfunctionCode: string;
  subfunctionTitle: string;
  functionCode: string;
  functionTitle: string;
}

/** Blank or whitespace-only cells (the file pads empty codes with a space) are NULL. */
export const blankToNull = (value: string | undefined): string | null =>
  value?.trim() ? value.trim() : null;

/** CGAC codes are 3 digits: the id is the code + 1, stable across reloads. */
export const toptierIdOf = (cgacCode: string): number => Number.parseInt(cgacCode, 10) + 1;

/** Accounts without an admin org form one "unassigned" bureau per agency (code suffix XX, number 100). */
const UNASSIGNED_BUREAU = 'XX';
const bureauOf = (adminOrg: string): string => adminOrg.trim() || UNASSIGNED_BUREAU;

/** Subtier ids: toptier code × 1000 + bureau (admin org) number, so they never collide. */
export const subtierIdOf = (cgacCode: string, adminOrg: string): number => {
  const bureau = bureauOf(adminOrg);
  return toptierIdOf(cgacCode) * 1000 + (bureau === UNASSIGNED_BUREAU ? 100 : Number.parseInt(bureau, 10));
};

const federalAccountCodeOf = (row: TasListRow): string => `${row.AID}-${row.MAIN}`;

/**
 * Federal account ids: 1, 2, ... in the order of the account codes (`AID-MAIN`), so they depend on the
 * reference list, not on file order, and are small like the reference database's own ids (the seeds'
 * account example names federal account 15).
 */
export function federalAccountIds(rows: readonly TasListRow[]): Map<string, number> {
  const codes = [...new Set(rows.map(federalAccountCodeOf))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(codes.map((code, index) => [code, index + 1]));
}

export const federalAccountIdOf = (ids: ReadonlyMap<string, number>, row: TasListRow): number => {
  const id = ids.get(federalAccountCodeOf(row));
  if (id === undefined) throw new Error(`No federal account for ${federalAccountCodeOf(row)}`);
  return id;
};

/** The reference's TAS label: [ATA-]AID-{BPOA/EPOA|X}-MAIN-SUB. */
export function tasRenderingLabel(row: TasListRow): string {
  const ata = blankToNull(row.ATA);
  const availability = blankToNull(row.A) ?? `${row.BPOA.trim()}/${row.EPOA.trim()}`;
  return [ata, row.AID, availability, row.MAIN, row.SUB].filter((part) => part !== null).join('-');
}

const KNOWN_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Department of Agriculture': 'USDA',
  'Department of Commerce': 'DOC',
  'Department of Defense': 'DOD',
  'Department of Education': 'ED',
  'Department of Energy': 'DOE',
  'Department of Health & Human Services': 'HHS',
  'Department of Homeland Security': 'DHS',
  'Department of Housing & Urban Development': 'HUD',
  'Department of Justice': 'DOJ',
  'Department of Labor': 'DOL',
  'Department of State': 'DOS',
  'Department of the Interior': 'DOI',
  'Department of the Treasury': 'TREAS',
  'Department of Transportation': 'DOT',
  'Department of Veterans Affairs': 'VA',
  'Environmental Protection Agency': 'EPA',
  'General Services Administration': 'GSA',
  'National Aeronautics and Space Administration': 'NASA',
  'National Science Foundation': 'NSF',
  'Office of Personnel Management': 'OPM',
  'Small Business Administration': 'SBA',
  'Social Security Administration': 'SSA',
  'Agency for International Development': 'USAID',
  'Nuclear Regulatory Commission': 'NRC',
};

/** Known abbreviations, else the initials of the capitalised words ("Corps of Engineers" → "CE"). */
export function abbreviationOf(name: string): string {
  return (
    KNOWN_ABBREVIATIONS[name] ??
    name
      .replace(/[^A-Za-z ]/g, ' ')
      .split(/\s+/)
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join('')
  );
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

export function deriveToptierAgencies(rows: readonly TasListRow[]): ToptierAgencyRow[] {
  const byCode = new Map<string, string[]>();
  for (const row of rows)
    byCode.set(row['Agency AID'], [...(byCode.get(row['Agency AID']) ?? []), row['Agency Name']]);
  return [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, names]) => {
      const name = mostCommon(names);
      return { id: toptierIdOf(code), code, abbreviation: abbreviationOf(name), name };
    });
}

/** Bureaus (ADMIN_ORG) of each owning agency; the agency's lowest bureau doubles as its toptier-level agency. */
// Treasury's Fiscal Service administers accounts of other agencies; it is not their bureau.
const TREASURY_ADMINISTERED = /\btreasury\b|\bfms\//i;

/**
 * An account's administering office is a bureau of the account's own agency unless it is a Treasury office
 * serving another agency, or is itself another toptier agency (some accounts are administered across agencies).
 */
function isOwnBureau(officeName: string, agencyName: string, toptierNames: ReadonlySet<string>): boolean {
  if (TREASURY_ADMINISTERED.test(officeName) && !/\btreasury\b/i.test(agencyName)) return false;
  const office = officeName.toLowerCase();
  return office === agencyName.toLowerCase() || !toptierNames.has(office);
}

export function deriveSubtierAgencies(rows: readonly TasListRow[]): SubtierAgencyRow[] {
  const toptierNames = new Set(rows.map((row) => row['Agency Name'].trim().toLowerCase()));
  const byKey = new Map<string, { code: string; adminOrg: string; names: string[] }>();
  for (const row of rows) {
    const office = blankToNull(row['Admin Org Name']);
    const own = office !== null && isOwnBureau(office, row['Agency Name'].trim(), toptierNames);
    // Accounts administered by another agency's office join their agency's "unassigned" bureau.
    const adminOrg = own ? bureauOf(row.ADMIN_ORG) : UNASSIGNED_BUREAU;
    const key = `${row['Agency AID']}:${adminOrg}`;
    const entry = byKey.get(key) ?? { code: row['Agency AID'], adminOrg, names: [] };
    entry.names.push(own ? office : row['Agency Name']);
    byKey.set(key, entry);
  }
  const seen = new Set<string>();
  return [...byKey.values()]
    .sort((a, b) => a.code.localeCompare(b.code) || a.adminOrg.localeCompare(b.adminOrg))
    .map(({ code, adminOrg, names }) => {
      const isToptierSelf = !seen.has(code);
      seen.add(code);
      return {
        id: subtierIdOf(code, adminOrg),
        code: `${code}${adminOrg}`,
        name: mostCommon(names),
        toptierId: toptierIdOf(code),
        isToptierSelf,
      };
    });
}

/** CGAC names: the owning-agency name of the code, else the most common name among its accounts. */
export function deriveCgacs(rows: readonly TasListRow[]): { code: string; name: string }[] {
  const own = new Map<string, string[]>();
  const any = new Map<string, string[]>();
  for (const row of rows) {
    own.set(row['Agency AID'], [...(own.get(row['Agency AID']) ?? []), row['Agency Name']]);
    any.set(row.AID, [...(any.get(row.AID) ?? []), row['Agency Name']]);
  }
  const codes = [...new Set([...own.keys(), ...any.keys()])].sort();
  return codes.map((code) => ({ code, name: mostCommon(own.get(code) ?? any.get(code) ?? []) }));
}

export function deriveFederalAccounts(rows: readonly TasListRow[]): FederalAccountRow[] {
  const ids = federalAccountIds(rows);
  const byKey = new Map<string, TasListRow[]>();
  for (const row of rows)
    byKey.set(`${row.AID}-${row.MAIN}`, [...(byKey.get(`${row.AID}-${row.MAIN}`) ?? []), row]);
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, accounts]) => {
      // The newest TAS (highest account number) carries the account's current title.
      const newest = accounts.reduce((a, b) => (Number(b.ACCT_NUM) > Number(a.ACCT_NUM) ? b : a));
      return {
        id: federalAccountIdOf(ids, newest),
        agencyIdentifier: newest.AID,
        mainAccountCode: newest.MAIN,
        // Titles in tas_list.csv carry trailing padding up to the column width.
        title: newest.GWA_TAS_NAME.trim(),
        code,
        parentToptierId: toptierIdOf(mostCommon(accounts.map((a) => a['Agency AID']))),
      };
    });
}

export function deriveBudgetFunctions(rows: readonly TasListRow[]): BudgetFunctionRow[] {
  const bySubfunction = new Map<string, BudgetFunctionRow>();
  for (const row of rows) {
    const code = blankToNull(row['Sub Function Code']);
    if (!code || bySubfunction.has(code)) continue;
    bySubfunction.set(code, {
      subfunctionCode: code,
      subfunctionTitle: row['Sub Function Description'].trim(),
      functionCode: row['Function Code'].trim(),
      functionTitle: row['Function Description'].trim(),
    });
  }
  return [...bySubfunction.values()].sort((a, b) => a.subfunctionCode.localeCompare(b.subfunctionCode));
}
