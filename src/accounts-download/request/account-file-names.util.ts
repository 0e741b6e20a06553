import { compareCodePoints } from '../../download-request/canonical/python-compare.util';
import {
  ACCOUNT_FILE_TITLES,
  ACCOUNT_LEVEL_CODES,
  AccountLevel,
  AccountSubmissionType,
} from './account-download-type.constants';

/** What the database says about a non-`all` agency filter (docs/compatibility.md#account-downloads step 3). */
export interface AgencyMatch {
  /** toptier_code of the agency whose id is the (all-digit) filter value; null when none has it. */
  readonly toptierCodeOfId: string | null;
  /** Some toptier agency has exactly this abbreviation (case-sensitive). */
  readonly abbreviationExists: boolean;
}

const two = (value: number): string => String(value).padStart(2, '0');

/**
 * `<DQ>` of account file names (docs/compatibility.md#zip-file-names): the data quarters, from the fiscal year and the bolstered
 * quarter/period. Before FY2020 agencies reported quarterly (`FY2018Q1-Q2`); FY2020 started quarterly and turned
 * monthly (`FY2020Q1-P09`); from FY2021 reporting is monthly (`FY2021P01-P12`). Where the reference prints
 * `-QNone` (an early year asked by period, with no quarter revealed yet) we print the period instead.
 */
export function dataQuarters(fy: number, quarter: number | null, period: number | null): string {
  if (fy <= 2019) {
    if (quarter === null) return period === null ? `FY${fy}Q1` : `FY${fy}Q1-P${two(period)}`;
    return quarter === 1 ? `FY${fy}Q1` : `FY${fy}Q1-Q${quarter}`;
  }
  const start = fy === 2020 ? `FY${fy}Q1` : `FY${fy}P01`;
  if (period !== null) return period === 1 ? start : `${start}-P${two(period)}`;
  return quarter === null ? start : `${start}-Q${quarter}`;
}

/**
 * `<AG>` of the zip name: `All` for `all` (any case); for digits the toptier code of the agency with that id;
 * otherwise the abbreviation itself. Characters a storage object name cannot hold become `_`.
 */
export function agencyNamePart(agency: string, match: AgencyMatch | null): string {
  if (agency === '' || agency.toLowerCase() === 'all' || !match) return 'All';
  if (/^\d+$/.test(agency)) return match.toptierCodeOfId ?? 'All';
  return match.abbreviationExists ? agency.replace(/[^A-Za-z0-9_.()-]/g, '_') : 'All';
}

/** Zip name `<DQ>_<AG>_<LV>_<title>_<TS>.zip`; several types share the title `AccountData`. */
export function accountZipFileName(parts: {
  dataQuarters: string;
  agency: string;
  level: AccountLevel;
  submissionTypes: readonly AccountSubmissionType[];
  timestamp: string;
}): string {
  const types = [...new Set(parts.submissionTypes)].sort(compareCodePoints);
  const title = types.length === 1 ? ACCOUNT_FILE_TITLES[types[0]] : 'AccountData';
  return `${parts.dataQuarters}_${parts.agency}_${ACCOUNT_LEVEL_CODES[parts.level]}_${title}_${parts.timestamp}.zip`;
}

/**
 * Base name of one data file inside the zip (docs/compatibility.md#inner-file-names): the agency part is always `All` there, and File
 * C's three files put `Contracts_`, `Assistance_` or `Unlinked_` before the title.
 */
export function accountInnerFileBaseName(parts: {
  dataQuarters: string;
  level: AccountLevel;
  submissionType: AccountSubmissionType;
  group: string;
  timestamp: string;
}): string {
  const title = `${parts.group}${ACCOUNT_FILE_TITLES[parts.submissionType]}`;
  return `${parts.dataQuarters}_All_${ACCOUNT_LEVEL_CODES[parts.level]}_${title}_${parts.timestamp}`;
}
