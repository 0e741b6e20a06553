import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { normalizeAwardDownloadRequest } from './award-download-request.util';

const MIN_DATE_MESSAGE =
  'start_date falls before the earliest available search date of 2007-10-01.  For data going back to 2000-10-01, ' +
  'use either the Custom Award Download feature on the website or one of our download or bulk_download API ' +
  'endpoints listed on https://api.usaspending.gov/docs/endpoints.';

const AWARD_TYPE_ENUM_MESSAGE =
  "Field 'filters|award_type_codes' is outside valid values ['IDV_A', 'IDV_B', 'IDV_B_A', 'IDV_B_B', 'IDV_B_C', " +
  "'IDV_C', 'IDV_D', 'IDV_E', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', 'A', 'B', 'C', 'D', '-1', " +
  "'F001', 'F002', 'F003', 'F004', 'F005', 'F006', 'F007', 'F008', 'F009', 'F010', 'no intersection']";

const LOCATION_FIELDS =
  "['country', 'state', 'zip', 'district_original', 'district_current', 'county', 'city']";
const DATE_TYPES = "['action_date', 'last_modified_date', 'date_signed', 'new_awards_only']";

/** Errors inside `filters` (docs/compatibility.md#advanced-search-filters, #row-limited-award-downloads step 5, #legacy-keyword-rewrite), each with its exact text and status. */
// prettier-ignore
const CASES: readonly [string, Record<string, unknown>, number, string][] = [
  ['award_type_codes empty', { award_type_codes: [] }, 422, "Field 'filters|award_type_codes' value '[]' is below min '1' items"],
  ['award_type_codes null', { award_type_codes: null }, 400,
    "Invalid value in 'filters|award_type_codes'. 'None' is not a valid type (array)"],
  ['award type unknown', { award_type_codes: ['A', 'E'] }, 400, AWARD_TYPE_ENUM_MESSAGE],
  ['time_period not a list', { time_period: { start_date: '2020-01-01' } }, 400,
    "Invalid value in 'filters|time_period'. '{'start_date': '2020-01-01'}' is not a valid type (array)"],
  ['time_period empty object', { time_period: [{}] }, 400, "'filters|time_period' is empty. Please populate object"],
  ['time_period bad date', { time_period: [{ start_date: '2020-13-01' }] }, 400,
    "Invalid value in 'filters|time_period'. '2020-13-01' is not a valid type (date). Expected format: (%Y-%m-%d)"],
  ['time_period bad date_type', { time_period: [{ start_date: '2020-01-01', date_type: 'x' }] }, 400,
    `Field 'filters|time_period' is outside valid values ${DATE_TYPES}`],
  ['start_date before 2007-10-01', { time_period: [{ start_date: '2007-09-30' }] }, 422, MIN_DATE_MESSAGE],
  ['end_date before 2007-10-01', { time_period: [{ end_date: '2000-01-01' }] }, 422, MIN_DATE_MESSAGE.replace('start_date', 'end_date')],
  ['time_period unknown member', { time_period: [{ start_date: '2020-01-01', fy: 2020 }] }, 400,
    "Unexpected field 'fy' in parameter filters|time_period"],
  ['agency without name', { agencies: [{ type: 'funding', tier: 'toptier' }] }, 422,
    "Required object fields: ['type', 'tier', 'toptier_name', 'name']"],
  ['agency bad type', { agencies: [{ type: 'x', tier: 'toptier', name: 'A' }] }, 400,
    "Field 'filters|agencies' is outside valid values ['funding', 'awarding']"],
  ['agency bad tier', { agencies: [{ type: 'funding', tier: 'x', name: 'A' }] }, 400,
    "Field 'filters|agencies' is outside valid values ['toptier', 'subtier']"],
  ['location without country', { recipient_locations: [{ state: 'VA' }] }, 422, `Required object fields: ${LOCATION_FIELDS}`],
  ['district_original too short', { recipient_locations: [{ country: 'USA', district_original: '1' }] }, 422,
    "Field 'filters|recipient_locations' value '1' is below min '2' items"],
  ['seed district too short', { recipient_locations: [{ country: 'USA', district: '1' }] }, 422,
    "Field 'filters|recipient_locations' value '1' is below min '2' items"],
  ['district_current too long', { place_of_performance_locations: [{ country: 'USA', district_current: '123' }] }, 422,
    "Field 'filters|place_of_performance_locations' value '123' is above max '2' items"],
  ['district next to district_original', { recipient_locations: [{ country: 'USA', district: '01', district_original: '02' }] },
    400, "Unexpected field 'district' in parameter filters|recipient_locations"],
  ['bad recipient scope', { recipient_scope: 'mars' }, 400,
    "Field 'filters|recipient_scope' is outside valid values ['domestic', 'foreign']"],
  ['null place of performance scope', { place_of_performance_scope: null }, 400,
    "Field 'filters|place_of_performance_scope' is outside valid values ['domestic', 'foreign']"],
  ['keyword too short', { keywords: ['ab'] }, 422, "Field 'filters|keywords' value 'ab' is below min '3' items"],
  ['keywords empty list (legacy rewrite)', { keywords: [] }, 400,
    "Invalid value in 'filters|keywords'. 'None' is not a valid type (text)"],
  ['naics_codes text', { naics_codes: 'abc' }, 422, "Invalid value in 'filters|naics_codes'. 'abc' is not a valid type (array, object)"],
  ['naics_codes empty require', { naics_codes: { require: [] } }, 422,
    "Invalid value in 'filters|naics_codes'. '{'require': []}' is not a valid type (array, object)"],
  ['psc_codes empty list', { psc_codes: [] }, 422, "Invalid value in 'filters|psc_codes'. '[]' is not a valid type (array, object)"],
  ['tas_codes with a null aid', { tas_codes: [{ aid: null }] }, 422,
    "Invalid value in 'filters|tas_codes'. '[{'aid': None}]' is not a valid type (array, object)"],
  ['recipient_search_text number', { recipient_search_text: 5 }, 400,
    "Invalid value in 'filters|recipient_search_text'. '5' is not a valid type (array)"],
  ['legal_entities zero', { legal_entities: [0] }, 422, "Field 'filters|legal_entities' value '0' is below min '1'"],
  ['award amount not a number', { award_amounts: [{ lower_bound: 'lots' }] }, 400,
    "Invalid value in 'filters|award_amounts'. 'lots' is not a valid type (float)"],
  ['federal_account_ids not ids', { federal_account_ids: ['abc'] }, 400,
    "Invalid value in 'filters|federal_account_ids'. 'abc' is not a valid type (integer)"],
  ['elasticsearch_keyword too short', { elasticsearch_keyword: 'ab' }, 422,
    "Field 'filters|elasticsearch_keyword' value 'ab' is below min '3' items"],
  ['award_ids reported before award_type_codes', { award_type_codes: ['E'], award_ids: [1] }, 400,
    "Invalid value in 'filters|award_ids'. '1' is not a valid type (text)"],
  ['reference filters reported before seed filters', { federal_account_ids: ['x'], def_codes: [1] }, 400,
    "Invalid value in 'filters|def_codes'. '1' is not a valid type (text)"],
];

describe('normalizeAwardDownloadRequest: filter errors (docs/compatibility.md#row-limited-award-downloads)', () => {
  it.each(CASES)('%s → %i', (_name, filters, status, detail) => {
    expect(apiErrorOf(() => normalizeAwardDownloadRequest({ filters }, 'awards'))).toEqual({
      status,
      detail,
    });
  });
});
