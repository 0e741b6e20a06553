import {
  canonicalRequestHash,
  canonicalRequestJson,
  canonicalizeDownloadRequest,
} from './canonical-request.util';
import { pythonJsonDumps } from './python-json.util';

describe('pythonJsonDumps (json.dumps defaults)', () => {
  it.each<[string, Parameters<typeof pythonJsonDumps>[0], string]>([
    ['separators', { a: [1, 2], b: { c: null } }, '{"a": [1, 2], "b": {"c": null}}'],
    ['empty containers', { a: [], b: {} }, '{"a": [], "b": {}}'],
    ['booleans', [true, false], '[true, false]'],
    ['floats like Python', [1.5, 0.00001, 1.5e-7], '[1.5, 1e-05, 1.5e-07]'],
    ['integral numbers as ints (JSON cannot tell 1.0 from 1)', [1e16, 3], '[10000000000000000, 3]'],
    ['short escapes', 'a"b\\c\n\r\t\b\f', '"a\\"b\\\\c\\n\\r\\t\\b\\f"'],
    ['other control characters and DEL', '\x01\x7f', '"\\u0001\\u007f"'],
    ['non-ASCII escaped lower-case', 'é中', '"\\u00e9\\u4e2d"'],
    ['astral characters as surrogate pairs', '😀', '"\\ud83d\\ude00"'],
  ])('%s', (_name, value, expected) => {
    expect(pythonJsonDumps(value)).toBe(expected);
  });
});

describe('canonical request', () => {
  const validated = {
    request_type: 'award',
    filters: { keywords: ['b', 'a'], award_type_codes: ['B', 'A'] },
    columns: ['z_col', 'a_col'],
    file_format: 'csv',
  };

  it('sorts everything except columns, which keep the client order at their sorted key position', () => {
    expect(canonicalRequestJson(canonicalizeDownloadRequest(validated))).toBe(
      '{"columns": ["z_col", "a_col"], "file_format": "csv", ' +
        '"filters": {"award_type_codes": ["A", "B"], "keywords": ["a", "b"]}, "request_type": "award"}',
    );
  });

  it('gives requests that differ only in key or scalar-list order the same JSON and hash', () => {
    const reordered = {
      file_format: 'csv',
      columns: ['z_col', 'a_col'],
      filters: { award_type_codes: ['A', 'B'], keywords: ['a', 'b'] },
      request_type: 'award',
    };
    const first = canonicalRequestJson(canonicalizeDownloadRequest(validated));
    const second = canonicalRequestJson(canonicalizeDownloadRequest(reordered));
    expect(second).toBe(first);
    expect(canonicalRequestHash(second)).toBe(canonicalRequestHash(first));
  });

  it('gives a different key when only the column order differs', () => {
    const swapped = { ...validated, columns: ['a_col', 'z_col'] };
    expect(canonicalRequestHash(canonicalRequestJson(canonicalizeDownloadRequest(swapped)))).not.toBe(
      canonicalRequestHash(canonicalRequestJson(canonicalizeDownloadRequest(validated))),
    );
  });

  it('hashes with SHA-256 over UTF-8', () => {
    expect(canonicalRequestHash('{}')).toBe(
      '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );
  });
});
