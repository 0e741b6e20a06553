import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { parseListAgenciesRequest } from './list-agencies-request.util';
import { parseListMonthlyFilesRequest, pythonCapitalize } from './list-monthly-files-request.util';

const TYPE_MESSAGE = "type must be one of: ('account_agencies', 'award_agencies')";

describe('parseListAgenciesRequest (docs/compatibility.md#agency-pick-lists)', () => {
  it.each<[unknown, object]>([
    [{ type: 'award_agencies' }, { type: 'award_agencies' }],
    [{ type: 'account_agencies', agency: 0 }, { type: 'account_agencies' }],
    [{ type: 'award_agencies', agency: '' }, { type: 'award_agencies' }],
    [{ type: 'award_agencies', agency: null }, { type: 'award_agencies' }],
    [
      { type: 'award_agencies', agency: 21 },
      { type: 'award_agencies', agency: 21 },
    ],
    [
      { type: 'award_agencies', agency: ' 21 ' },
      { type: 'award_agencies', agency: 21 },
    ],
  ])('%j', (body, expected) => {
    expect(parseListAgenciesRequest(body)).toEqual(expected);
  });

  it.each<[unknown, number, string]>([
    [undefined, 400, TYPE_MESSAGE],
    [{}, 400, TYPE_MESSAGE],
    [{ type: 'agencies' }, 400, TYPE_MESSAGE],
    [{ type: null }, 400, TYPE_MESSAGE],
    [[], 400, 'The request body must be a JSON object.'],
    [
      { type: 'award_agencies', agency: 'abc' },
      400,
      "Invalid value in 'agency'. 'abc' is not a valid type (integer)",
    ],
  ])('refuses %j', (body, status, detail) => {
    expect(apiErrorOf(() => parseListAgenciesRequest(body))).toEqual({ status, detail });
  });
});

describe('parseListMonthlyFilesRequest (docs/compatibility.md#monthly-archives)', () => {
  it('reads all, ids, and the type as sent and capitalized', () => {
    expect(parseListMonthlyFilesRequest({ agency: 'all', fiscal_year: 2024, type: 'contracts' })).toEqual({
      agency: 'all',
      fiscalYear: 2024,
      fiscalYearText: '2024',
      type: 'contracts',
      fileType: 'Contracts',
    });
    expect(
      parseListMonthlyFilesRequest({ agency: '21', fiscal_year: '2020', type: 'ASSISTANCE' }),
    ).toMatchObject({
      agency: 21,
      fiscalYearText: '2020',
      fileType: 'Assistance',
    });
  });

  it.each<[unknown, string]>([
    [{}, 'Missing one or more required body parameters: agency'],
    [{ agency: null, fiscal_year: null }, 'Missing one or more required body parameters: agency'],
    [{ agency: 'all', type: 'contracts' }, 'Missing one or more required body parameters: fiscal_year'],
    [{ agency: 'all', fiscal_year: 2024, type: null }, 'Missing one or more required body parameters: type'],
    [{ agency: 'ALL', fiscal_year: 2024, type: 'contracts' }, 'ALL agency not found'],
    [{ agency: 'abc', fiscal_year: 2024, type: 'contracts' }, 'abc agency not found'],
    [
      { agency: 'all', fiscal_year: 2024, type: 5 },
      "Invalid value in 'type'. '5' is not a valid type (text)",
    ],
  ])('refuses %j', (body, detail) => {
    expect(apiErrorOf(() => parseListMonthlyFilesRequest(body))).toEqual({ status: 400, detail });
  });

  it.each([
    ['contracts', 'Contracts'],
    ['cONTRACTS', 'Contracts'],
    ['', ''],
  ])('capitalizes %j as Python does', (text, expected) => {
    expect(pythonCapitalize(text)).toBe(expected);
  });
});
