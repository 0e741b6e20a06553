import { compareCodePoints } from '../canonical/python-compare.util';
import {
  AWARD_DOWNLOAD_DISPLAY_NAMES,
  AwardDownloadType,
} from '../award-types/award-download-type.constants';

/** Matches every download timestamp (docs/compatibility.md#zip-file-names). */
export const DOWNLOAD_TIMESTAMP_PATTERN = /\d{4}-\d{2}-\d{2}_H\d{2}M\d{2}S\d{8}/;

/**
 * The zip name of an award-level download (docs/compatibility.md#zip-file-names): the display names of the **sorted** download types joined
 * with `And`, then `_<timestamp>.zip`. download/awards → `PrimeAwardSummariesAndSubawards_<TS>.zip`;
 * download/transactions → `SubawardsAndPrimeTransactions_<TS>.zip` (`elasticsearch_sub_awards` sorts first).
 * `prefix` serves the bulk endpoint, whose names always start with `All_`.
 */
export function awardZipFileName(
  downloadTypes: readonly AwardDownloadType[],
  timestamp: string,
  prefix = '',
): string {
  const level = [...downloadTypes]
    .sort(compareCodePoints)
    .map((downloadType) => AWARD_DOWNLOAD_DISPLAY_NAMES[downloadType])
    .join('And');
  return `${prefix}${level}_${timestamp}.zip`;
}
