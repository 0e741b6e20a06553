import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { parseBulkAwardRequest } from './bulk-award-request.util';

const OPTIONS = { today: '2024-06-15', maxDays: 366 };
const RANGE = { start_date: '2019-10-01', end_date: '2020-09-30' };
const ok = { prime_award_types: ['A'], date_range: RANGE };
const PRIME_TYPES_ENUM =
  "Field 'filters|prime_award_types' is outside valid values ['IDV_A', 'IDV_B', 'IDV_B_A', 'IDV_B_B', 'IDV_B_C', " +
  "'IDV_C', 'IDV_D', 'IDV_E', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', 'A', 'B', 'C', 'D', '-1', " +
  "'F001', 'F002', 'F003', 'F004', 'F005', 'F006', 'F007', 'F008', 'F009', 'F010']";
const NEITHER = 'Missing one or more required body parameters: prime_award_types or sub_award_types';
const TOO_LONG = 'Invalid Parameter: date_range total days must be within a year';
const seed = (filters: object, levels: unknown = ['prime_awards']) => ({
  filters: { agency: 'all', date_range: RANGE, award_types: ['contracts'], ...filters },
  award_levels: levels,
});

/** Every refusal of POST /api/v2/bulk_download/awards/ (docs/compatibility.md#custom-award-data-bulk, #row-limited-award-downloads steps 1–3), text and status. */
// prettier-ignore
const CASES: readonly [string, unknown, number, string][] = [
  ['body is a list', [], 400, 'The request body must be a JSON object.'],
  ['filters missing', { award_levels: ['prime_awards'] }, 400, 'Filters parameter not provided as a dict'],
  ['filters a list', { filters: [ok] }, 400, 'Filters parameter not provided as a dict'],
  ['filters empty', { filters: {} }, 400, 'At least one filter is required.'],
  ['file_format unknown', { filters: ok, file_format: 'xlsx' }, 400, "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']"],
  ['file_format null', { filters: ok, file_format: null }, 400, "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']"],
  ['date_range missing', { filters: { prime_award_types: ['A'] } }, 422, "Missing value: 'filters|date_range' is a required field"],
  ['date_range empty', { filters: { ...ok, date_range: {} } }, 422, "Missing value: 'filters|date_range' is a required field"],
  ['date_range missing before any value error', { filters: { agency: 'abc', prime_award_types: [] } }, 422,
    "Missing value: 'filters|date_range' is a required field"],
  ['date_range unknown member', { filters: { ...ok, date_range: { ...RANGE, foo: 1 } } }, 400,
    "Unexpected field 'foo' in parameter filters|date_range"],
  ['date_range bad date', { filters: { ...ok, date_range: { start_date: '01/01/2019' } } }, 400,
    "Invalid value in 'filters|date_range'. '01/01/2019' is not a valid type (date). Expected format: (%Y-%m-%d)"],
  ['date_range not an object', { filters: { ...ok, date_range: '2019' } }, 400,
    "Invalid value in 'filters|date_range'. '2019' is not a valid type (object)"],
  ['date_type unknown', { filters: { ...ok, date_type: 'date_signed' } }, 400,
    "Field 'filters|date_type' is outside valid values ['action_date', 'last_modified_date']"],
  ['prime_award_types empty', { filters: { ...ok, prime_award_types: [] } }, 422,
    "Field 'filters|prime_award_types' value '[]' is below min '1' items"],
  ['prime_award_types unknown code', { filters: { ...ok, prime_award_types: ['E'] } }, 400, PRIME_TYPES_ENUM],
  ['prime_award_types sentinel', { filters: { ...ok, prime_award_types: ['no intersection'] } }, 400, PRIME_TYPES_ENUM],
  ['sub_award_types empty', { filters: { ...ok, sub_award_types: [] } }, 422,
    "Field 'filters|sub_award_types' value '[]' is below min '1' items"],
  ['sub_award_types unknown', { filters: { ...ok, sub_award_types: ['loan'] } }, 400,
    "Field 'filters|sub_award_types' is outside valid values ['grant', 'procurement']"],
  ['agency text', { filters: { ...ok, agency: 'abc' } }, 400, "Invalid value in 'filters|agency'. 'abc' is not a valid type (integer)"],
  ['agency empty text', { filters: { ...ok, agency: '' } }, 400, "Invalid value in 'filters|agency'. '' is not a valid type (integer)"],
  ['agency null', { filters: { ...ok, agency: null } }, 400, "Invalid value in 'filters|agency'. 'None' is not a valid type (integer)"],
  ['agency float', { filters: { ...ok, agency: 1.5 } }, 400, "Invalid value in 'filters|agency'. '1.5' is not a valid type (integer)"],
  ['agencies before agency', { filters: { ...ok, agency: 'abc', agencies: [{ type: 'x', tier: 'toptier', name: 'A' }] } }, 400,
    "Field 'filters|agencies' is outside valid values ['funding', 'awarding']"],
  ['agency object without name', { filters: { ...ok, agencies: [{ type: 'funding', tier: 'toptier' }] } }, 422,
    "Required object fields: ['type', 'tier', 'toptier_name', 'name']"],
  ['sub_agency not text', { filters: { ...ok, sub_agency: 5 } }, 400, "Invalid value in 'filters|sub_agency'. '5' is not a valid type (text)"],
  ['recipient scope unknown', { filters: { ...ok, recipient_scope: 'mars' } }, 400,
    "Field 'filters|recipient_scope' is outside valid values ['domestic', 'foreign']"],
  ['place of performance scope unknown', { filters: { ...ok, place_of_performance_scope: 'x' } }, 400,
    "Field 'filters|place_of_performance_scope' is outside valid values ['domestic', 'foreign']"],
  ['location without country', { filters: { ...ok, recipient_locations: [{ state: 'VA' }] } }, 422,
    "Required object fields: ['country', 'state', 'zip', 'district_original', 'district_current', 'county', 'city']"],
  ['seed district too short', { filters: { ...ok, place_of_performance_locations: [{ country: 'USA', district: '1' }] } }, 422,
    "Field 'filters|place_of_performance_locations' value '1' is below min '2' items"],
  ['location unknown member', { filters: { ...ok, recipient_locations: [{ country: 'USA', planet: 'Earth' }] } }, 400,
    "Unexpected field 'planet' in parameter filters|recipient_locations"],
  ['keyword not text', { filters: { ...ok, keywords: [1] } }, 400, "Invalid value in 'filters|keywords'. '1' is not a valid type (text)"],
  ['columns not a list', { filters: ok, columns: 'abc' }, 400, "Invalid value in 'columns'. 'abc' is not a valid type (array)"],
  ['column empty', { filters: ok, columns: [''] }, 422, "Field 'columns' value '' is below min '1' items"],
  ['range of 367 days', { filters: { ...ok, date_range: { start_date: '2019-01-01', end_date: '2020-01-03' } } }, 400, TOO_LONG],
  ['open range from 1000-01-01', { filters: { ...ok, date_range: { end_date: '2020-01-03' } } }, 400, TOO_LONG],
  ['neither prime nor sub types', { filters: { date_range: RANGE, agency: 50 } }, 400, NEITHER],
  ['range error before the missing types', { filters: { date_range: { start_date: '2010-01-01', end_date: '2020-01-01' } } }, 400, TOO_LONG],
  ['seed form without award_levels', { filters: seed({}).filters }, 422, "Missing value: 'award_levels' is a required field"],
  ['seed form with a bad level', seed({}, ['all_awards']), 400, "Field 'award_levels' is outside valid values ['prime_awards', 'sub_awards']"],
  ['seed form with empty levels', seed({}, []), 422, "Field 'award_levels' value '[]' is below min '1' items"],
  ['seed form with a bad category', seed({ award_types: ['contracts', 'bonds'] }), 400,
    "Field 'filters|award_types' is outside valid values ['contracts', 'idvs', 'grants', 'direct_payments', 'loans', 'other_financial_assistance']"],
  ['seed form with empty categories', seed({ award_types: [] }), 422, "Field 'filters|award_types' value '[]' is below min '1' items"],
  ['keyword mode without award_levels', { filters: { keyword: 'solar' } }, 400,
    "Invalid value in 'download_types'. 'None' is not a valid type (array)"],
  ['keyword mode with sub_awards', { filters: { keyword: 'solar' }, award_levels: ['prime_awards', 'sub_awards'] }, 400,
    "Field 'download_types' is outside valid values ['prime_awards']"],
  ['keyword mode keywords not a list', { filters: { keywords: 'abc' }, award_levels: ['prime_awards'] }, 400,
    "Invalid value in 'filters|transaction_keyword_search'. 'abc' is not a valid type (array)"],
  ['keyword mode empty keywords', { filters: { keywords: [] }, award_levels: ['prime_awards'] }, 400,
    "Invalid value in 'filters|transaction_keyword_search'. 'None' is not a valid type (text)"],
];

describe('parseBulkAwardRequest: refusals', () => {
  it.each(CASES)('%s → %i', (_name, body, status, detail) => {
    expect(apiErrorOf(() => parseBulkAwardRequest(body, OPTIONS))).toEqual({ status, detail });
  });

  it('allows exactly 366 days, and a negative range', () => {
    const at = (start_date: string, end_date: string) =>
      parseBulkAwardRequest({ filters: { ...ok, date_range: { start_date, end_date } } }, OPTIONS).mode;
    expect(at('2019-01-01', '2020-01-02')).toBe('custom');
    expect(at('2020-09-30', '2019-10-01')).toBe('custom');
  });

  it('takes the limit from the setting', () => {
    const body = { filters: { ...ok, date_range: { start_date: '2019-01-01', end_date: '2019-01-31' } } };
    expect(apiErrorOf(() => parseBulkAwardRequest(body, { ...OPTIONS, maxDays: 29 })).detail).toBe(TOO_LONG);
    expect(parseBulkAwardRequest(body, { ...OPTIONS, maxDays: 30 }).mode).toBe('custom');
  });
});
