import {
  AWARDS_ENDPOINT_DOWNLOAD_TYPES,
  TRANSACTIONS_ENDPOINT_DOWNLOAD_TYPES,
} from '../award-types/award-download-type.constants';
import { DOWNLOAD_TIMESTAMP_PATTERN, awardZipFileName } from './award-zip-name.util';
import { DownloadTimestampClock, TimeSource, formatDownloadTimestamp } from './download-timestamp.util';

/** 2020-01-13T21:05:48.397603Z in epoch microseconds (the contract's example name). */
const EXAMPLE_MICROS = Date.UTC(2020, 0, 13, 21, 5, 48, 397) * 1000 + 603;

describe('formatDownloadTimestamp (docs/compatibility.md#zip-file-names)', () => {
  it('formats UTC with seconds followed by six microsecond digits', () => {
    expect(formatDownloadTimestamp(EXAMPLE_MICROS)).toBe('2020-01-13_H21M05S48397603');
  });

  it.each([
    [Date.UTC(2024, 4, 2, 3, 4, 5, 0) * 1000, '2024-05-02_H03M04S05000000'],
    [Date.UTC(2024, 11, 31, 23, 59, 59, 999) * 1000 + 999, '2024-12-31_H23M59S59999999'],
  ])('pads every part (%p)', (micros, expected) => {
    expect(formatDownloadTimestamp(micros)).toBe(expected);
    expect(expected).toMatch(new RegExp(`^${DOWNLOAD_TIMESTAMP_PATTERN.source}$`));
  });
});

describe('DownloadTimestampClock', () => {
  function frozenClock(millis: number, nanos: bigint[]): DownloadTimestampClock {
    const time: TimeSource = { nowMillis: () => millis, monotonicNanos: () => nanos.shift() ?? 0n };
    return new DownloadTimestampClock(time);
  }

  it('takes the milliseconds from the wall clock and the microseconds from the monotonic counter', () => {
    const clock = frozenClock(Date.UTC(2020, 0, 13, 21, 5, 48, 397), [123_456_603_000n]);
    expect(clock.next()).toBe('2020-01-13_H21M05S48397603');
  });

  it('never repeats a timestamp within the same microsecond or millisecond', () => {
    const clock = frozenClock(Date.UTC(2020, 0, 1), [5_000n, 5_000n, 5_000n]);
    const names = [clock.next(), clock.next(), clock.next()];
    expect(names).toEqual([
      '2020-01-01_H00M00S00000005',
      '2020-01-01_H00M00S00000006',
      '2020-01-01_H00M00S00000007',
    ]);
  });

  it('keeps increasing when the wall clock steps back', () => {
    let millis = Date.UTC(2020, 0, 1, 0, 0, 1);
    const clock = new DownloadTimestampClock({ nowMillis: () => millis, monotonicNanos: () => 0n });
    const first = clock.nextEpochMicros();
    millis -= 1000;
    expect(clock.nextEpochMicros()).toBe(first + 1);
  });

  it('works on the real clock', () => {
    const clock = new DownloadTimestampClock();
    const names = new Set(Array.from({ length: 1000 }, () => clock.next()));
    expect(names.size).toBe(1000);
  });
});

describe('awardZipFileName (docs/compatibility.md#zip-file-names)', () => {
  const ts = '2020-01-13_H21M05S48397603';

  it.each<[string, Parameters<typeof awardZipFileName>[0], string, string]>([
    ['download/awards', AWARDS_ENDPOINT_DOWNLOAD_TYPES, '', `PrimeAwardSummariesAndSubawards_${ts}.zip`],
    [
      'download/transactions',
      TRANSACTIONS_ENDPOINT_DOWNLOAD_TYPES,
      '',
      `SubawardsAndPrimeTransactions_${ts}.zip`,
    ],
    [
      'unsorted input',
      ['elasticsearch_transactions', 'elasticsearch_sub_awards'],
      '',
      `SubawardsAndPrimeTransactions_${ts}.zip`,
    ],
    ['bulk prime only', ['prime_awards'], 'All_', `All_PrimeTransactions_${ts}.zip`],
    ['bulk sub only', ['elasticsearch_sub_awards'], 'All_', `All_Subawards_${ts}.zip`],
    [
      'bulk both',
      ['prime_awards', 'elasticsearch_sub_awards'],
      'All_',
      `All_SubawardsAndPrimeTransactions_${ts}.zip`,
    ],
  ])('%s', (_name, types, prefix, expected) => {
    expect(awardZipFileName(types, ts, prefix)).toBe(expected);
  });
});
