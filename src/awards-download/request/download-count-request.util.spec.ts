import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { normalizeDownloadCountRequest, unusedFiltersMessage } from './download-count-request.util';

describe('normalizeDownloadCountRequest (docs/compatibility.md#count)', () => {
  it('counts everything for empty filters, with the defaults', () => {
    expect(normalizeDownloadCountRequest({ filters: {} })).toEqual({
      request: { filters: {}, spending_level: 'transactions', subawards: false },
      unusedFilters: [],
    });
  });

  it('adds no default award_type_codes and accepts recipient_id', () => {
    const { request } = normalizeDownloadCountRequest({
      filters: { recipient_id: 'abc-R', award_type_codes: ['B', 'A'] },
      spending_level: 'awards',
      subawards: 'true',
    });
    expect(request).toEqual({
      filters: { award_type_codes: ['A', 'B'], recipient_id: 'abc-R' },
      spending_level: 'awards',
      subawards: true,
    });
  });

  it('lists unknown filter names for the response message, in request order', () => {
    const { unusedFilters } = normalizeDownloadCountRequest({
      filters: { not_a_real_filter: 1, keyword: 'abc', agency: 'x' },
    });
    expect(unusedFilters).toEqual(['not_a_real_filter', 'agency']);
    expect(unusedFiltersMessage(['not_a_real_filter'])).toBe(
      "The following filters from the request were not used: {'not_a_real_filter'}. " +
        'See https://api.usaspending.gov/docs/endpoints for a list of appropriate filters',
    );
    expect(unusedFiltersMessage([])).toBeUndefined();
  });

  it('applies the same seed spellings as the downloads', () => {
    const { request } = normalizeDownloadCountRequest({
      filters: {
        keyword: 'radar',
        recipient_search_text: 'Acme',
        recipient_locations: [{ country: 'USA', district: '02' }],
      },
    });
    expect(request.filters).toEqual({
      keywords: ['radar'],
      recipient_locations: [{ country: 'USA', district_original: '02' }],
      recipient_search_text: ['Acme'],
    });
  });

  it.each<[string, unknown, number, string]>([
    ['filters missing (reference: 500)', {}, 400, 'Filters parameter not provided as a dict'],
    ['filters a list (reference: 500)', { filters: [] }, 400, 'Filters parameter not provided as a dict'],
    ['body null', null, 400, 'The request body must be a JSON object.'],
    [
      'bad spending level',
      { filters: {}, spending_level: 'x' },
      400,
      "Field 'spending_level' is outside valid values ['awards', 'transactions', 'subawards']",
    ],
    [
      'bad subawards',
      { filters: {}, subawards: 'maybe' },
      400,
      "Invalid value in 'subawards'. 'maybe' is not a valid type (boolean). Use true/false",
    ],
    [
      'subawards checked before spending_level',
      { filters: {}, subawards: 'maybe', spending_level: 'x' },
      400,
      "Invalid value in 'subawards'. 'maybe' is not a valid type (boolean). Use true/false",
    ],
    [
      'spending_level checked before filters',
      { filters: { keywords: ['ab'] }, spending_level: 'x' },
      400,
      "Field 'spending_level' is outside valid values ['awards', 'transactions', 'subawards']",
    ],
    [
      'a filter error',
      { filters: { time_period: [{ start_date: '2001-01-01' }] } },
      422,
      'start_date falls before the earliest available search date of 2007-10-01.  For data going back to ' +
        '2000-10-01, use either the Custom Award Download feature on the website or one of our download or ' +
        'bulk_download API endpoints listed on https://api.usaspending.gov/docs/endpoints.',
    ],
  ])('%s', (_name, body, status, detail) => {
    expect(apiErrorOf(() => normalizeDownloadCountRequest(body))).toEqual({ status, detail });
  });
});
