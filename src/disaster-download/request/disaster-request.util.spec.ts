import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { ALL_CODES_JSON } from '../../../test/download-request/award-codes.fixture';
import { canonicalRequestJson } from '../../download-request/canonical/canonical-request.util';
import {
  covidProfileMarker,
  covidProfileRequest,
  disasterDownloadRequest,
  LIMITED_DEFC_MESSAGE,
  validateDisasterRequest,
} from './disaster-request.util';

const COVID = ['L', 'M', 'N', 'O', 'P', 'U', 'V'];
const LATEST = { fiscalYear: 2022, period: 8 };

describe('validateDisasterRequest', () => {
  it.each<[unknown]>([
    [{}],
    [{ filters: null }],
    [{ filters: {} }],
    [{ filters: 'L' }],
    [{ filters: { def_codes: {} } }],
  ])('%j asks for all COVID-19 DEFCs: the pre-generated file', (body) => {
    expect(validateDisasterRequest(body, COVID)).toEqual({ branch: 'pre-generated' });
  });

  it('takes every COVID-19 code in any order as the pre-generated file (columns validated, then ignored)', () => {
    expect(
      validateDisasterRequest(
        { filters: { def_codes: ['V', 'U', 'P', 'O', 'N', 'M', 'L'] }, columns: ['a'] },
        COVID,
      ),
    ).toEqual({ branch: 'pre-generated', columns: ['a'] });
  });

  it('generates one DEFC, lower-casing file_format and dropping the other filters', () => {
    expect(
      validateDisasterRequest(
        {
          filters: { def_codes: ['L'], award_type_codes: ['A'], query: 'x' },
          file_format: 'TSV',
          columns: ['b', 'a', 'b'],
        },
        COVID,
      ),
    ).toEqual({ branch: 'generated', defCode: 'L', fileFormat: 'tsv', columns: ['b', 'a'] });
  });

  it.each<[string, unknown, number, string]>([
    ['two DEFCs', { filters: { def_codes: ['L', 'M'] } }, 400, LIMITED_DEFC_MESSAGE],
    ['a repeated DEFC', { filters: { def_codes: ['L', 'L'] } }, 400, LIMITED_DEFC_MESSAGE],
    [
      'empty',
      { filters: { def_codes: [] } },
      422,
      "Field 'filters|def_codes' value '[]' is below min '1' items",
    ],
    [
      'a code outside COVID-19',
      { filters: { def_codes: ['A'] } },
      400,
      "Field 'filters|def_codes' is outside valid values ['L', 'M', 'N', 'O', 'P', 'U', 'V']",
    ],
    [
      'null',
      { filters: { def_codes: null } },
      400,
      "Invalid value in 'filters|def_codes'. 'None' is not a valid type (array)",
    ],
    [
      'a string',
      { filters: { def_codes: 'L' } },
      400,
      "Invalid value in 'filters|def_codes'. 'L' is not a valid type (array)",
    ],
    [
      'file_format xls',
      { file_format: 'xls' },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
    [
      'file_format null',
      { file_format: null },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
    ['columns empty strings', { columns: [''] }, 422, "Field 'columns' value '' is below min '1' items"],
    ['body an array', [], 400, 'The request body must be a JSON object.'],
  ])('%s', (_name, body, status, detail) => {
    expect(apiErrorOf(() => validateDisasterRequest(body, COVID))).toEqual({ status, detail });
  });
});

describe('the disaster download requests', () => {
  it('matches the reference example of the generated branch byte for byte', () => {
    const branch = validateDisasterRequest({ filters: { def_codes: ['L'] }, file_format: 'TSV' }, COVID);
    if (branch.branch !== 'generated') throw new Error('expected the generated branch');
    expect(canonicalRequestJson(disasterDownloadRequest(branch, LATEST))).toBe(
      '{"account_filters": {"is_multi_year": true, "latest_fiscal_period": 8, "latest_fiscal_year": 2022, ' +
        '"start_date": "2020-04-01"}, "account_level": "treasury_account", "download_types": ["elasticsearch_awards", ' +
        '"elasticsearch_sub_awards", "gtas_balances", "object_class_program_activity"], "file_format": "tsv", ' +
        `"filters": {"award_type_codes": ${ALL_CODES_JSON}, "def_codes": ["L"]}, "include_data_dictionary": true, ` +
        '"include_file_description": {"destination": "COVID-19_download_readme.txt", "source": ' +
        '"data/readme/COVID-19_download_readme.txt"}, "request_type": "disaster"}',
    );
  });

  it('stores the pre-generated request as the reference command does, findable by its marker', () => {
    const json = canonicalRequestJson(covidProfileRequest(COVID, LATEST));
    expect(json).toBe(
      '{"filters": {"def_codes": ["L", "M", "N", "O", "P", "U", "V"], "latest_fiscal_period": "08", ' +
        '"latest_fiscal_year": "2022", "start_date": "2020-04-01"}}',
    );
    expect(json).toContain(covidProfileMarker(COVID));
    expect(canonicalRequestJson({ filters: { def_codes: ['L'] } })).not.toContain(covidProfileMarker(COVID));
  });
});
