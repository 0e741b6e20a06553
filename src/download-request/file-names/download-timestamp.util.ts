/**
 * The `<TS>` part of zip names (docs/compatibility.md#zip-file-names): UTC `YYYY-MM-DD_H<HH>M<MM>S<SS><ffffff>`, seconds immediately followed
 * by six microsecond digits, e.g. `2020-01-13_H21M05S48397603` for 21:05:48.397603.
 */

const MICROS_PER_SECOND = 1_000_000;

/** Formats microseconds since the Unix epoch (UTC). */
export function formatDownloadTimestamp(epochMicros: number): string {
  const wholeMicros = Math.floor(epochMicros);
  const date = new Date(Math.floor(wholeMicros / 1000));
  const micros = ((wholeMicros % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
  const two = (value: number): string => String(value).padStart(2, '0');
  const day = `${String(date.getUTCFullYear()).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  const time = `H${two(date.getUTCHours())}M${two(date.getUTCMinutes())}S${two(date.getUTCSeconds())}`;
  return `${day}_${time}${String(micros).padStart(6, '0')}`;
}

/** Where a clock reads time from; injectable so tests can freeze it. */
export interface TimeSource {
  /** Wall-clock milliseconds since the epoch (`Date.now`). */
  nowMillis(): number;
  /** A monotonic nanosecond counter (`process.hrtime.bigint`), used only for the sub-millisecond digits. */
  monotonicNanos(): bigint;
}

const SYSTEM_TIME: TimeSource = {
  nowMillis: () => Date.now(),
  monotonicNanos: () => process.hrtime.bigint(),
};

/**
 * Issues strictly increasing download timestamps within this process: the wall clock gives the millisecond, the
 * monotonic counter the microseconds, and a request in the same microsecond as the previous one (or a wall clock
 * that stepped back) gets the previous value plus one microsecond — so two requests never share a zip name.
 * Across processes the same microsecond remains possible; the job table's unique `file_name` is the final guard.
 */
export class DownloadTimestampClock {
  private lastMicros = 0;

  constructor(private readonly time: TimeSource = SYSTEM_TIME) {}

  /** The next timestamp as epoch microseconds. */
  nextEpochMicros(): number {
    const subMillisecond = Number((this.time.monotonicNanos() / 1000n) % 1000n);
    const candidate = this.time.nowMillis() * 1000 + subMillisecond;
    this.lastMicros = candidate > this.lastMicros ? candidate : this.lastMicros + 1;
    return this.lastMicros;
  }

  /** The next formatted timestamp. */
  next(): string {
    return formatDownloadTimestamp(this.nextEpochMicros());
  }
}

/** The one clock of this process, whichever module asks for it (routes, commands). */
export const PROCESS_DOWNLOAD_CLOCK = new DownloadTimestampClock();
