import { ALL_CODES_JSON, ALL_CODES_SORTED } from '../../../test/download-request/award-codes.fixture';
import { canonicalRequestJson } from '../../download-request/canonical/canonical-request.util';
import { normalizeAwardDownloadRequest } from './award-download-request.util';

describe('normalizeAwardDownloadRequest: canonical download_request (docs/compatibility.md#canonical-download-request)', () => {
  it('matches the example of docs/compatibility.md#canonical-download-request byte for byte', () => {
    const request = normalizeAwardDownloadRequest(
      { filters: { keywords: ['Defense'] }, columns: ['b_col', 'a_col'] },
      'awards',
    );
    expect(canonicalRequestJson(request)).toBe(
      '{"columns": ["b_col", "a_col"], "download_types": ["elasticsearch_awards", "elasticsearch_sub_awards"], ' +
        `"file_format": "csv", "filters": {"award_type_codes": ${ALL_CODES_JSON}, "keywords": ["Defense"]}, ` +
        '"limit": 500000, "request_type": "award"}',
    );
  });

  it('sets the transactions download types, whatever the client sent', () => {
    const request = normalizeAwardDownloadRequest(
      {
        filters: { keywords: ['abc'] },
        award_levels: ['prime_awards'],
        download_types: ['x'],
        constraint_type: 'year',
      },
      'transactions',
    );
    expect(request.download_types).toEqual(['elasticsearch_sub_awards', 'elasticsearch_transactions']);
  });

  it('accepts any non-empty filters and keeps only the defaulted award types (docs/compatibility.md#row-limited-award-downloads)', () => {
    const request = normalizeAwardDownloadRequest({ filters: { foo: 1 } }, 'awards');
    expect(request.filters).toEqual({ award_type_codes: ALL_CODES_SORTED });
    expect(request.columns).toBeUndefined();
  });

  it.each([[[]], [null], [''], [{}], [0], [false]])(
    'leaves out falsy columns %j (all columns)',
    (columns) => {
      expect('columns' in normalizeAwardDownloadRequest({ filters: { foo: 1 }, columns }, 'awards')).toBe(
        false,
      );
    },
  );

  it('trims columns, keeps their order and drops repeated names', () => {
    const request = normalizeAwardDownloadRequest(
      { filters: { foo: 1 }, columns: [' z ', 'a', 'z'] },
      'awards',
    );
    expect(request.columns).toEqual(['z', 'a']);
  });

  it.each<[unknown, number]>([
    [undefined, 500000],
    [{}, 500000],
    [' 7 ', 7],
    ['1_000', 1000],
    [500000, 500000],
    [1, 1],
  ])('reads limit %j as %i', (limit, expected) => {
    const body = limit === undefined ? { filters: { foo: 1 } } : { filters: { foo: 1 }, limit };
    expect(normalizeAwardDownloadRequest(body, 'awards').limit).toBe(expected);
  });

  it.each([
    ['TSV', 'tsv'],
    ['Pstxt', 'pstxt'],
    ['csv', 'csv'],
  ])('lower-cases file_format %s', (fileFormat, expected) => {
    expect(
      normalizeAwardDownloadRequest({ filters: { foo: 1 }, file_format: fileFormat }, 'awards').file_format,
    ).toBe(expected);
  });

  it('sorts keys, scalar lists and object lists, and collapses duplicate objects', () => {
    const request = normalizeAwardDownloadRequest(
      {
        filters: {
          award_type_codes: ['B', 'A', '02'],
          agencies: [
            { type: 'funding', tier: 'subtier', name: ' Navy ' },
            { type: 'awarding', tier: 'toptier', name: 'Department of Defense' },
            { type: 'funding', tier: 'subtier', name: 'Navy' },
          ],
          time_period: [{ start_date: '2019-10-1', end_date: '2020-09-30' }, { start_date: '2018-10-01' }],
          naics_codes: ['33', 11],
          psc_codes: { require: [['Service', 'B', 'B5'], ['Product']] },
        },
      },
      'awards',
    );
    expect(request.filters).toEqual({
      agencies: [
        { name: 'Department of Defense', tier: 'toptier', type: 'awarding' },
        { name: 'Navy', tier: 'subtier', type: 'funding' },
      ],
      award_type_codes: ['02', 'A', 'B'],
      naics_codes: [11, 33],
      psc_codes: { require: [['Product'], ['Service', 'B', 'B5']] },
      time_period: [{ end_date: '2020-09-30', start_date: '2019-10-01' }, { start_date: '2018-10-01' }],
    });
  });

  it('gives the same JSON for requests that differ only in order', () => {
    const first = normalizeAwardDownloadRequest(
      { filters: { keywords: ['b12', 'a12'], recipient_scope: 'domestic' }, limit: 10 },
      'awards',
    );
    const second = normalizeAwardDownloadRequest(
      { limit: '10', filters: { recipient_scope: 'domestic', keywords: ['a12', 'b12'] } },
      'awards',
    );
    expect(canonicalRequestJson(second)).toBe(canonicalRequestJson(first));
  });
});

describe('normalizeAwardDownloadRequest: legacy keyword rewrite (docs/compatibility.md#legacy-keyword-rewrite)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['keyword alone', { keyword: 'abc' }, ['abc']],
    ['empty keywords and keyword', { keywords: [], keyword: 'abc' }, ['abc']],
    ['keywords win over keyword', { keywords: ['xyz'], keyword: 'abc' }, ['xyz']],
  ])('%s', (_name, filters, expected) => {
    const request = normalizeAwardDownloadRequest({ filters }, 'awards');
    expect(request.filters.keywords).toEqual(expected);
    expect('keyword' in request.filters).toBe(false);
  });
});
