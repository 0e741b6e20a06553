import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { awardCategoryOf, normalizeDisasterRecipientRequest } from './disaster-recipient-request.util';

const DEFCS = ['1', 'A', 'L', 'M', 'N', 'Q', 'Z'];
const DEFAULT = ['recipient', 'award_obligations', 'award_outlays', 'number_of_awards'];

describe('normalizeDisasterRecipientRequest', () => {
  it('matches the reference example (loans, pipe-delimited) key by key', () => {
    expect(
      normalizeDisasterRecipientRequest(
        { filters: { def_codes: ['M', 'L'], award_type_codes: ['08', '07'] }, file_format: 'pstxt' },
        DEFCS,
      ),
    ).toEqual({
      award_category: 'Loans',
      columns: ['recipient', 'award_obligations', 'award_outlays', 'face_value_of_loans', 'number_of_awards'],
      download_types: ['disaster_recipient'],
      file_format: 'pstxt',
      filters: { award_type_codes: ['07', '08'], def_codes: ['L', 'M'] },
      request_type: 'disaster_recipient',
    });
  });

  it('cleans the query into the recipient-name search, drops other filters, keeps client columns', () => {
    expect(
      normalizeDisasterRecipientRequest(
        {
          filters: { def_codes: ['L'], query: '  Acme\tCorp ', keywords: ['x'], keyword: 'y' },
          columns: ['number_of_awards', 'recipient'],
          file_format: 'TSV',
        },
        DEFCS,
      ),
    ).toEqual({
      award_category: 'All-Awards',
      columns: ['number_of_awards', 'recipient'],
      download_types: ['disaster_recipient'],
      file_format: 'tsv',
      filters: { def_codes: ['L'], query: { fields: ['recipient_name'], text: 'AcmeCorp' } },
      request_type: 'disaster_recipient',
    });
  });

  it('gives the default columns for columns: []', () => {
    expect(
      normalizeDisasterRecipientRequest({ filters: { def_codes: ['L'] }, columns: [] }, DEFCS).columns,
    ).toEqual(DEFAULT);
  });

  it.each<[string[] | undefined, string]>([
    [undefined, 'All-Awards'],
    [['A', 'D'], 'Contracts'],
    [['IDV_A'], 'Contract-IDVs'],
    [['02', 'F001'], 'Grants'],
    [['07'], 'Loans'],
    [['06'], 'Direct-Payments'],
    [['09', '-1'], 'Other-Financial-Assistance'],
    [['A', '02'], 'All-Awards'],
  ])('award types %j are %s', (codes, category) => {
    expect(awardCategoryOf(codes)).toBe(category);
  });

  it.each<[string, unknown, number, string]>([
    ['no filters', {}, 422, "Missing value: 'filters|def_codes' is a required field"],
    ['empty filters', { filters: {} }, 422, "Missing value: 'filters|def_codes' is a required field"],
    [
      'filters not an object',
      { filters: 'L' },
      422,
      "Missing value: 'filters|def_codes' is a required field",
    ],
    [
      'empty codes',
      { filters: { def_codes: [] } },
      422,
      "Field 'filters|def_codes' value '[]' is below min '1' items",
    ],
    [
      'unknown code',
      { filters: { def_codes: ['QQ'] } },
      400,
      "Field 'filters|def_codes' is outside valid values ['1', 'A', 'L', 'M', 'N', 'Q', 'Z']",
    ],
    [
      'null codes',
      { filters: { def_codes: null } },
      400,
      "Invalid value in 'filters|def_codes'. 'None' is not a valid type (array)",
    ],
    [
      'empty query',
      { filters: { def_codes: ['L'], query: '' } },
      422,
      "Field 'filters|query' value '' is below min '1' items",
    ],
    [
      'null query',
      { filters: { def_codes: ['L'], query: null } },
      400,
      "Invalid value in 'filters|query'. 'None' is not a valid type (text)",
    ],
    [
      'empty award types',
      { filters: { def_codes: ['L'], award_type_codes: [] } },
      422,
      "Field 'filters|award_type_codes' value '[]' is below min '1' items",
    ],
    [
      'bad award type',
      { filters: { def_codes: ['L'], award_type_codes: ['X'] } },
      400,
      "Field 'filters|award_type_codes' is outside valid values ['-1', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', 'A', 'B', 'C', 'D', 'F001', 'F002', 'F003', 'F004', 'F005', 'F006', 'F007', 'F008', 'F009', 'F010', 'IDV_A', 'IDV_B', 'IDV_B_A', 'IDV_B_B', 'IDV_B_C', 'IDV_C', 'IDV_D', 'IDV_E']",
    ],
    // Presence before values: a missing def_codes wins over a bad file_format.
    [
      'missing before values',
      { file_format: 'xls' },
      422,
      "Missing value: 'filters|def_codes' is a required field",
    ],
    [
      'codes before query',
      { filters: { def_codes: [], query: '' } },
      422,
      "Field 'filters|def_codes' value '[]' is below min '1' items",
    ],
    [
      'file_format',
      { filters: { def_codes: ['L'] }, file_format: 7 },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
  ])('%s', (_name, body, status, detail) => {
    expect(apiErrorOf(() => normalizeDisasterRecipientRequest(body, DEFCS))).toEqual({ status, detail });
  });
});
