import { ALL_CODES_JSON, ALL_CODES_SORTED } from '../../../test/download-request/award-codes.fixture';
import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { canonicalRequestJson } from '../../download-request/canonical/canonical-request.util';
import { normalizeSearchDownloadRequest } from './search-download-request.util';
import { SPENDING_LEVEL_MESSAGE } from './spending-level.util';

const ALL_TYPES = ['elasticsearch_awards', 'elasticsearch_sub_awards', 'elasticsearch_transactions'];
const A = { award_type_codes: ['A'] };

describe('normalizeSearchDownloadRequest: canonical download_request', () => {
  it('matches the reference example for {"filters": {"keywords": ["Defense"]}} byte for byte', () => {
    expect(canonicalRequestJson(normalizeSearchDownloadRequest({ filters: { keywords: ['Defense'] } }))).toBe(
      '{"download_types": ["elasticsearch_awards", "elasticsearch_sub_awards", "elasticsearch_transactions"], ' +
        `"file_format": "csv", "filters": {"award_type_codes": ${ALL_CODES_JSON}, "keywords": ["Defense"]}, ` +
        '"limit": 500000, "request_type": "search", "spending_level": ["awards", "subawards", "transactions"]}',
    );
  });

  it('matches the second reference example (one level, TSV, columns in client order)', () => {
    const request = normalizeSearchDownloadRequest({
      filters: A,
      spending_level: ['awards'],
      file_format: 'TSV',
      columns: ['b', 'a'],
    });
    expect(canonicalRequestJson(request)).toBe(
      '{"columns": ["b", "a"], "download_types": ["elasticsearch_awards"], "file_format": "tsv", ' +
        '"filters": {"award_type_codes": ["A"]}, "limit": 500000, "request_type": "search", ' +
        '"spending_level": ["awards", "subawards", "transactions"]}',
    );
  });

  it.each<[unknown, string[]]>([
    [undefined, ALL_TYPES],
    [['awards'], ['elasticsearch_awards']],
    [['Subawards'], ['elasticsearch_sub_awards']],
    // The reference keeps the client's spelling here and then fails; we map case-insensitively.
    [['TRANSACTIONS'], ['elasticsearch_transactions']],
    [
      ['Awards', 'transactions'],
      ['elasticsearch_awards', 'elasticsearch_transactions'],
    ],
    // Duplicates would make the reference write every file twice; each level counts once.
    [['awards', 'awards', 'AWARDS'], ['elasticsearch_awards']],
    [['transactions', 'subawards', 'awards'], ALL_TYPES],
  ])('spending_level %j → download_types %j, echoed as the default', (level, types) => {
    const body = level === undefined ? { filters: A } : { filters: A, spending_level: level };
    const request = normalizeSearchDownloadRequest(body);
    expect(request.download_types).toEqual(types);
    expect(request.spending_level).toEqual(['awards', 'subawards', 'transactions']);
  });

  it('applies the /download/awards filters and defaults: all award types, no time period, limit 500000', () => {
    const request = normalizeSearchDownloadRequest({ filters: { foo: 1 }, limit: '7', columns: [] });
    expect(request.filters).toEqual({ award_type_codes: ALL_CODES_SORTED });
    expect(request.limit).toBe(7);
    expect('columns' in request).toBe(false);
  });

  it('ignores award_levels, constraint_type and any other top-level key', () => {
    const request = normalizeSearchDownloadRequest({
      filters: A,
      award_levels: ['prime_awards'],
      constraint_type: 'year',
      download_types: ['x'],
    });
    expect(Object.keys(request).sort()).toEqual([
      'download_types',
      'file_format',
      'filters',
      'limit',
      'request_type',
      'spending_level',
    ]);
  });
});

describe('normalizeSearchDownloadRequest: errors (status and exact text)', () => {
  it.each<[string, unknown, number, string]>([
    ['no body object', null, 400, 'The request body must be a JSON object.'],
    ['no filters', {}, 400, 'Filters parameter not provided as a dict'],
    ['filters a string', { filters: '01', columns: [] }, 400, 'Filters parameter not provided as a dict'],
    ['filters an array', { filters: [A] }, 400, 'Filters parameter not provided as a dict'],
    ['filters null', { filters: null }, 400, 'Filters parameter not provided as a dict'],
    ['empty filters', { filters: {} }, 400, 'At least one filter is required.'],
    ['unknown level', { filters: A, spending_level: ['sans'] }, 400, SPENDING_LEVEL_MESSAGE],
    ['a number as level', { filters: A, spending_level: [1] }, 400, SPENDING_LEVEL_MESSAGE],
    ['a null level', { filters: A, spending_level: [null] }, 400, SPENDING_LEVEL_MESSAGE],
    [
      'a string instead of an array',
      { filters: A, spending_level: 'awards' },
      400,
      "Invalid value in 'spending_level'. 'awards' is not a valid type (array)",
    ],
    [
      'a null spending_level',
      { filters: A, spending_level: null },
      400,
      "Invalid value in 'spending_level'. 'None' is not a valid type (array)",
    ],
    [
      'an empty spending_level',
      { filters: A, spending_level: [] },
      422,
      "Field 'spending_level' value '[]' is below min '1' items",
    ],
    [
      'limit too high',
      { filters: A, limit: 500001 },
      422,
      "Field 'limit' value '500001' is above max '500000'",
    ],
    [
      'limit not a number',
      { filters: A, limit: 'wombats' },
      400,
      "Invalid value in 'limit'. 'wombats' is not a valid type (integer)",
    ],
    [
      'limit null',
      { filters: A, limit: null },
      400,
      "Invalid value in 'limit'. 'None' is not a valid type (integer)",
    ],
    // The reference accepts 0 and negatives and then fails (or removes the limit); we refuse them.
    ['limit zero', { filters: A, limit: 0 }, 422, "Field 'limit' value '0' is below min '1'"],
    ['limit negative', { filters: A, limit: -5 }, 422, "Field 'limit' value '-5' is below min '1'"],
    // The level check runs after the other rules, so the limit is reported first (as in the reference).
    [
      'limit before level',
      { filters: A, limit: 'wombats', spending_level: ['sans'] },
      400,
      "Invalid value in 'limit'. 'wombats' is not a valid type (integer)",
    ],
    [
      'file_format xls',
      { filters: A, file_format: 'xls' },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
    [
      'file_format not a string',
      { filters: A, file_format: null },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
    [
      'short keyword',
      { filters: { keywords: ['ab'] } },
      422,
      "Field 'filters|keywords' value 'ab' is below min '3' items",
    ],
    [
      'empty award types',
      { filters: { award_type_codes: [] } },
      422,
      "Field 'filters|award_type_codes' value '[]' is below min '1' items",
    ],
    [
      'column not a text',
      { filters: A, columns: [1] },
      400,
      "Invalid value in 'columns'. '1' is not a valid type (text)",
    ],
  ])('%s', (_name, body, status, detail) => {
    expect(apiErrorOf(() => normalizeSearchDownloadRequest(body))).toEqual({ status, detail });
  });
});
