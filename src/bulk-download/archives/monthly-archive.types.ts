import { ArchiveAwardType } from './archive-file-name.util';

/** What one archive run produces (the command's flags, docs/compatibility.md#monthly-archives file kinds). */
export interface ArchiveRunOptions {
  /** Fiscal years of the full archives; absent: every year that has transactions. */
  readonly fiscalYears?: readonly number[];
  /** Toptier codes to produce (`All` = the every-agency archive); absent: every agency with data, and `All`. */
  readonly agencyCodes?: readonly string[];
  readonly types: readonly ArchiveAwardType[];
  readonly full: boolean;
  readonly delta: boolean;
  /** Start of the delta window (`YYYY-MM-DD`); absent: the day the previous delta run began. */
  readonly since?: string;
  /** The run's clock (tests); the date in archive names. */
  readonly now?: Date;
}

export interface ArchiveRunReport {
  /** Archive file names produced, in order. */
  readonly produced: string[];
  /** Archive file names that failed (their cause is logged). */
  readonly failed: string[];
  /** Older archives replaced by this run's. */
  readonly removed: string[];
  /** The delta window's start, or null when no delta was produced (no previous run and no `since`). */
  deltaSince: string | null;
}
