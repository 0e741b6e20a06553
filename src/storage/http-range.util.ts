import { ByteRange } from './storage.driver';

/**
 * Outcome of reading a `Range` header against an object of known size:
 * - `full`: serve the whole object with 200 (no header, a malformed one, or several ranges —
 *   RFC 9110 lets a server ignore any Range header it does not want to honour);
 * - `partial`: serve exactly `range` with 206;
 * - `unsatisfiable`: answer 416, whose Content-Range names only the size.
 */
export type RangeRequest =
  { kind: 'full' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

const FULL: RangeRequest = { kind: 'full' };
const UNSATISFIABLE: RangeRequest = { kind: 'unsatisfiable' };
const SINGLE_RANGE = /^bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i;

/** Pure parser for a single `bytes=a-b`, `bytes=a-` or `bytes=-n` range (inclusive `end`). */
export function parseRangeHeader(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return FULL;
  const match = SINGLE_RANGE.exec(header);
  if (!match) return FULL;
  const [, first, last] = match;
  if (first === '' && last === '') return FULL;

  if (first === '') {
    // Suffix range: the last n bytes, clamped to the object; zero bytes can never be satisfied.
    const length = Number(last);
    if (length === 0 || size === 0) return UNSATISFIABLE;
    return { kind: 'partial', range: { start: Math.max(0, size - length), end: size - 1 } };
  }

  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return FULL; // syntactically invalid, so ignored rather than refused
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'partial', range: { start, end: Math.min(end, size - 1) } };
}
