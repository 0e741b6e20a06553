import { ApiError, ApiErrorCode } from '../../common/api-error';

/** The reference's limit on a custom bulk request's `date_range`, in days (a setting here, docs/compatibility.md#where-we-depart). */
export const DEFAULT_BULK_MAX_DAYS = 366;

const MS_PER_DAY = 86_400_000;

/** Whole days from `start` to `end` (both `YYYY-MM-DD`, proleptic Gregorian like Python's `date`). */
export function daysBetween(start: string, end: string): number {
  return Math.round((utcDay(end) - utcDay(start)) / MS_PER_DAY);
}

function utcDay(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day); // Date.UTC would map years 0–99 to 1900–1999
  return at.getTime();
}

/**
 * docs/compatibility.md#custom-award-data-bulk (c): a range longer than `maxDays` is refused (`maxDays` itself is allowed; so is a negative range).
 * The text says "a year" whatever the setting, as clients may match it.
 */
export function assertDateRangeWithin(
  range: { start_date: string; end_date: string },
  maxDays: number,
): void {
  if (daysBetween(range.start_date, range.end_date) > maxDays) {
    throw new ApiError(
      ApiErrorCode.InvalidParameter,
      'Invalid Parameter: date_range total days must be within a year',
    );
  }
}

/** Today's UTC date as `YYYY-MM-DD`: the default `end_date`. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
