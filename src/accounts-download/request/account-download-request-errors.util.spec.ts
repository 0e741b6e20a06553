import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { checkAccountRequestShape, validateAccountDownloadRequest } from './account-download-request.util';

const DEF_CODES = ['1', 'A', 'L', 'M', 'Z'];
const TYPES = "['account_balances', 'object_class_program_activity', 'award_financial']";
const LEVEL_MESSAGE = "Field 'account_level' is outside valid values ['federal_account', 'treasury_account']";
const level = 'treasury_account';
const base = { fy: 2022, quarter: 2, submission_types: ['account_balances'] };
const byPeriod = { fy: 2022, submission_types: ['account_balances'] };
const body = (filters: object, extra: object = {}) => ({ account_level: level, filters, ...extra });

/** Request-time texts of docs/compatibility.md#account-downloads (validator phase and the shape checks that follow the agency lookup). */
// prettier-ignore
const CASES: readonly [string, unknown, number, string][] = [
  ['body not an object', [], 400, 'The request body must be a JSON object.'],
  ['account_level missing', { filters: base }, 400, LEVEL_MESSAGE],
  ['account_level null', { account_level: null, filters: base }, 400, LEVEL_MESSAGE],
  ['account_level other', { account_level: 'tas', filters: base }, 400, LEVEL_MESSAGE],
  ['filters missing', { account_level: level }, 422, "Missing value: 'filters|fy' is a required field"],
  ['filters not an object', { account_level: level, filters: [1] }, 422, "Missing value: 'filters|fy' is a required field"],
  ['fy missing wins over account_level', { filters: { quarter: 1 } }, 422, "Missing value: 'filters|fy' is a required field"],
  ['fy text', body({ ...base, fy: 'string_not_int' }), 400, "Invalid value in 'filters|fy'. 'string_not_int' is not a valid type (integer)"],
  ['fy 0', body({ ...base, fy: 0 }), 422, "Field 'filters|fy' value '0' is below min '1'"],
  ['fy 10000', body({ ...base, fy: 10000 }), 422, "Field 'filters|fy' value '10000' is above max '9999'"],
  ['quarter 5', body({ ...base, quarter: 5 }), 422, "Field 'filters|quarter' value '5' is above max '4'"],
  ['quarter 0', body({ ...base, quarter: 0 }), 422, "Field 'filters|quarter' value '0' is below min '1'"],
  ['quarter text', body({ ...base, quarter: 'string_not_int' }), 400, "Invalid value in 'filters|quarter'. 'string_not_int' is not a valid type (integer)"],
  ['quarter null', body({ ...base, quarter: null }), 400, "Invalid value in 'filters|quarter'. 'None' is not a valid type (integer)"],
  ['period 1', body({ ...byPeriod, period: 1 }), 422, "Field 'filters|period' value '1' is below min '2'"],
  ['period 13', body({ ...byPeriod, period: 13 }), 422, "Field 'filters|period' value '13' is above max '12'"],
  ['submission_types empty', body({ ...base, submission_types: [] }), 422, "Field 'filters|submission_types' value '[]' is below min '1' items"],
  ['submission_types bad', body({ ...base, submission_types: ['x'] }), 400, `Field 'filters|submission_types' is outside valid values ${TYPES}`],
  ['submission_type bad', body({ ...base, submission_type: 'x' }), 400, `Field 'filters|submission_type' is outside valid values ${TYPES}`],
  ['submission_type array', body({ ...base, submission_type: ['award_financial'] }), 400, `Field 'filters|submission_type' is outside valid values ${TYPES}`],
  ['agency float', body({ ...base, agency: 1.5 }), 400, "Invalid value in 'filters|agency'. '1.5' is not a valid type (text)"],
  ['agency empty', body({ ...base, agency: '' }), 422, "Field 'filters|agency' value '' is below min '1' items"],
  ['def_codes empty', body({ ...base, def_codes: [] }), 422, "Field 'filters|def_codes' value '[]' is below min '1' items"],
  ['def_codes unknown', body({ ...base, def_codes: ['QQ'] }), 400, "Field 'filters|def_codes' is outside valid values ['1', 'A', 'L', 'M', 'Z']"],
  ['federal_account number', body({ ...base, federal_account: 15 }), 400, "Invalid value in 'filters|federal_account'. '15' is not a valid type (text)"],
  ['budget_function empty', body({ ...base, budget_function: '' }), 422, "Field 'filters|budget_function' value '' is below min '1' items"],
  ['budget_subfunction list', body({ ...base, budget_subfunction: ['801'] }), 400, "Invalid value in 'filters|budget_subfunction'. '['801']' is not a valid type (text)"],
  ['columns not a list', body(base, { columns: 'abc' }), 400, "Invalid value in 'columns'. 'abc' is not a valid type (array)"],
  ['column empty', body(base, { columns: [''] }), 422, "Field 'columns' value '' is below min '1' items"],
  ['file_format unknown', body(base, { file_format: 'xls' }), 400, "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']"],
  ['file_format null', body(base, { file_format: null }), 400, "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']"],
  ['value errors in rule order', body({ ...base, quarter: 9, period: 99, agency: '' }), 422, "Field 'filters|quarter' value '9' is above max '4'"],
  ['neither quarter nor period', body({ fy: 2022, submission_types: ['award_financial'] }), 400, "Either 'period' or 'quarter' is required in filters."],
  ['both quarter and period', body({ ...base, period: 6 }), 400, "Supply either 'period' or 'quarter' in filters but not both."],
  ['no submission type', body({ fy: 2022, quarter: 1 }), 400, 'Missing required filter: submission_types'],
];

describe('account download request: validation texts', () => {
  it.each(CASES)('%s', (_name, request, status, detail) => {
    expect(
      apiErrorOf(() => checkAccountRequestShape(validateAccountDownloadRequest(request, DEF_CODES))),
    ).toEqual({ status, detail });
  });
});
