import { parseRangeHeader, RangeRequest } from './http-range.util';

const full: RangeRequest = { kind: 'full' };
const unsatisfiable: RangeRequest = { kind: 'unsatisfiable' };
const partial = (start: number, end: number): RangeRequest => ({ kind: 'partial', range: { start, end } });

describe('parseRangeHeader', () => {
  it.each<[string | undefined, number, RangeRequest]>([
    // No or unusable header: the whole object.
    [undefined, 100, full],
    ['', 100, full],
    ['bytes=', 100, full],
    ['bytes=-', 100, full],
    ['items=0-10', 100, full],
    ['bytes=abc-def', 100, full],
    ['bytes=0-1,5-6', 100, full], // several ranges: served whole
    ['bytes=10-5', 100, full], // last < first is invalid, hence ignored
    ['bytes=-1.5', 100, full],
    // Closed and open ranges.
    ['bytes=0-0', 100, partial(0, 0)],
    ['bytes=0-9', 100, partial(0, 9)],
    ['bytes=10-19', 100, partial(10, 19)],
    ['bytes=90-200', 100, partial(90, 99)], // end clamped to the last byte
    ['bytes=99-', 100, partial(99, 99)],
    ['bytes=0-', 100, partial(0, 99)],
    ['BYTES = 5 - 6 ', 100, partial(5, 6)], // unit is case-insensitive, whitespace tolerated
    // Suffix ranges.
    ['bytes=-10', 100, partial(90, 99)],
    ['bytes=-100', 100, partial(0, 99)],
    ['bytes=-500', 100, partial(0, 99)],
    // Unsatisfiable.
    ['bytes=100-', 100, unsatisfiable],
    ['bytes=100-200', 100, unsatisfiable],
    ['bytes=-0', 100, unsatisfiable],
    ['bytes=0-', 0, unsatisfiable],
    ['bytes=-5', 0, unsatisfiable],
  ])('%j on %d bytes', (header, size, expected) => {
    expect(parseRangeHeader(header, size)).toEqual(expected);
  });
});
