import type { CatalogKey } from '../../catalog/catalog.types';
import { compareCodePoints } from '../canonical/python-compare.util';
import { AWARD_FILE_TYPE_OF, AwardDownloadType } from './award-download-type.constants';
import { ASSISTANCE_CODES, PROCUREMENT_CODES } from './award-type-codes.constants';

/** The two files an award-level download type can produce: Contracts (`d1`, FPDS rows) and Assistance (`d2`). */
export type AwardFileGroup = 'contracts' | 'assistance';

const LEVEL_OF: Readonly<Record<AwardFileGroup, 'd1' | 'd2'>> = { contracts: 'd1', assistance: 'd2' };

/** One data file of an award-level zip, in the order the files are written (docs/compatibility.md#generation-pipeline step 4). */
export interface AwardDownloadSource {
  readonly downloadType: AwardDownloadType;
  readonly group: AwardFileGroup;
  /** The header list the file uses, e.g. `transaction.d1`. */
  readonly catalogKey: CatalogKey;
}

/** The part of the canonical filters that decides the files (custom bulk requests carry per-type codes). */
export interface AwardTypeSelection {
  readonly award_type_codes?: readonly string[];
  readonly prime_and_sub_award_types?: Readonly<Partial<Record<string, readonly string[]>>>;
}

const PROCUREMENT: ReadonlySet<string> = new Set<string>([...PROCUREMENT_CODES, 'procurement']);
const ASSISTANCE: ReadonlySet<string> = new Set<string>([...ASSISTANCE_CODES, 'grant']);

/**
 * Which files a set of award type codes produces (docs/compatibility.md#award-file-sources): Contracts when any code is a contract or
 * IDV code (or the subaward type `procurement`), Assistance when any is an assistance code (or `grant`).
 * Codes outside both groups (`no intersection`) produce neither.
 */
export function awardFileGroups(codes: readonly string[]): AwardFileGroup[] {
  const groups: AwardFileGroup[] = [];
  if (codes.some((code) => PROCUREMENT.has(code))) groups.push('contracts');
  if (codes.some((code) => ASSISTANCE.has(code))) groups.push('assistance');
  return groups;
}

/** The codes that apply to one download type: its entry of `prime_and_sub_award_types` if any, else the filter. */
export function awardTypeCodesFor(
  downloadType: AwardDownloadType,
  filters: AwardTypeSelection,
): readonly string[] {
  const perType = filters.prime_and_sub_award_types;
  if (perType !== undefined) return perType[downloadType] ?? [];
  return filters.award_type_codes ?? [];
}

/**
 * Every data file of an award-level request: per download type in sorted order, Contracts before Assistance.
 * The column check uses the same list: a requested column must exist in at least one of these files.
 */
export function awardDownloadSources(
  downloadTypes: readonly AwardDownloadType[],
  filters: AwardTypeSelection,
): AwardDownloadSource[] {
  const sorted = [...downloadTypes].sort(compareCodePoints);
  return sorted.flatMap((downloadType) =>
    awardFileGroups(awardTypeCodesFor(downloadType, filters)).map((group) => ({
      downloadType,
      group,
      catalogKey: `${AWARD_FILE_TYPE_OF[downloadType]}.${LEVEL_OF[group]}` as CatalogKey,
    })),
  );
}
