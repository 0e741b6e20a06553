import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { normalizeAwardDownloadRequest } from './award-download-request.util';

const FILE_FORMAT_MESSAGE = "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']";
const NOT_A_DICT = 'Filters parameter not provided as a dict';
const NOT_AN_OBJECT = 'The request body must be a JSON object.';
const ok = { foo: 1 };

/**
 * Errors of the request outside `filters` (docs/compatibility.md#row-limited-award-downloads steps 1–3 and 5, #output-format-and-column-choice), with their status; the first four
 * are 500s in the reference, and `limit` ≤ 0 is accepted there (docs/compatibility.md#where-we-depart policy: rejected here).
 */
// prettier-ignore
const CASES: readonly [string, unknown, number, string][] = [
  ['body is an array', [], 400, NOT_AN_OBJECT],
  ['body is null', null, 400, NOT_AN_OBJECT],
  ['file_format null', { filters: ok, file_format: null }, 400, FILE_FORMAT_MESSAGE],
  ['file_format number', { filters: ok, file_format: 123 }, 400, FILE_FORMAT_MESSAGE],
  ['file_format unknown', { filters: ok, file_format: 'xls' }, 400, FILE_FORMAT_MESSAGE],
  ['file_format empty', { filters: ok, file_format: '' }, 400, FILE_FORMAT_MESSAGE],
  ['file_format checked before filters', { file_format: null }, 400, FILE_FORMAT_MESSAGE],
  ['filters missing', {}, 400, NOT_A_DICT],
  ['filters null', { filters: null }, 400, NOT_A_DICT],
  ['filters string', { filters: 'abc' }, 400, NOT_A_DICT],
  ['filters array', { filters: [{ keywords: ['abc'] }] }, 400, NOT_A_DICT],
  ['filters empty', { filters: {} }, 400, 'At least one filter is required.'],
  ['limit text', { filters: ok, limit: 'wombats' }, 400, "Invalid value in 'limit'. 'wombats' is not a valid type (integer)"],
  ['limit above max', { filters: ok, limit: 500001 }, 422, "Field 'limit' value '500001' is above max '500000'"],
  ['limit null', { filters: ok, limit: null }, 400, "Invalid value in 'limit'. 'None' is not a valid type (integer)"],
  ['limit float', { filters: ok, limit: 1.5 }, 400, "Invalid value in 'limit'. '1.5' is not a valid type (integer)"],
  ['limit list', { filters: ok, limit: [5] }, 400, "Invalid value in 'limit'. '[5]' is not a valid type (integer)"],
  ['limit zero', { filters: ok, limit: 0 }, 422, "Field 'limit' value '0' is below min '1'"],
  ['limit negative', { filters: ok, limit: '-5' }, 422, "Field 'limit' value '-5' is below min '1'"],
  ['columns not a list', { filters: ok, columns: 'abc' }, 400, "Invalid value in 'columns'. 'abc' is not a valid type (array)"],
  ['columns true', { filters: ok, columns: true }, 400, "Invalid value in 'columns'. 'True' is not a valid type (array)"],
  ['column not a text', { filters: ok, columns: [1] }, 400, "Invalid value in 'columns'. '1' is not a valid type (text)"],
  ['column empty', { filters: ok, columns: [''] }, 422, "Field 'columns' value '' is below min '1' items"],
  ['filter error before limit error', { filters: { keywords: ['ab'] }, limit: 'x', file_format: 'xls' }, 422,
    "Field 'filters|keywords' value 'ab' is below min '3' items"],
  ['limit error before columns error', { filters: ok, limit: 'x', columns: 'abc' }, 400,
    "Invalid value in 'limit'. 'x' is not a valid type (integer)"],
  ['columns error before file_format error', { filters: ok, columns: 'abc', file_format: 'xls' }, 400,
    "Invalid value in 'columns'. 'abc' is not a valid type (array)"],
];

describe('normalizeAwardDownloadRequest: errors outside filters', () => {
  it.each(CASES)('%s → %i', (_name, body, status, detail) => {
    expect(apiErrorOf(() => normalizeAwardDownloadRequest(body, 'awards'))).toEqual({ status, detail });
  });

  it('answers the transactions endpoint identically', () => {
    expect(apiErrorOf(() => normalizeAwardDownloadRequest({ filters: {} }, 'transactions'))).toEqual({
      status: 400,
      detail: 'At least one filter is required.',
    });
  });
});
