import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { assertKnownColumns, findUnknownColumns, unknownColumnsError } from './unknown-columns.util';

const AWARD_D2 = [
  'assistance_award_unique_key',
  'award_id_fain',
  'disaster_emergency_fund_codes_NAMING_CONFLICT_SUFFIX',
];
const SUBAWARD_D2 = ['prime_award_fain', 'subaward_amount'];
const ACCOUNT = ['owning_agency_name', 'last_modified_date_NAMING_CONFLICT_SUFFIX'];
const PLAIN_LAST_MODIFIED = ['last_modified_date'];

describe('findUnknownColumns', () => {
  it.each<[string, string[], string[][], string[]]>([
    ['all known across sources', ['award_id_fain', 'subaward_amount'], [AWARD_D2, SUBAWARD_D2], []],
    [
      'unknown in request order',
      ['zzz', 'award_id_fain', 'bogus_column'],
      [AWARD_D2],
      ['zzz', 'bogus_column'],
    ],
    ['repeated unknown reported once', ['x', 'x'], [AWARD_D2], ['x']],
    ['plain spelling of a suffixed name', ['disaster_emergency_fund_codes'], [AWARD_D2], []],
    ['suffixed spelling of a suffixed name', ['last_modified_date_NAMING_CONFLICT_SUFFIX'], [ACCOUNT], []],
    [
      'suffixed spelling of a plain name',
      ['last_modified_date_NAMING_CONFLICT_SUFFIX'],
      [PLAIN_LAST_MODIFIED],
      [],
    ],
    ['plain spelling of a plain name', ['last_modified_date'], [ACCOUNT], []],
    [
      'suffix on another name is not stripped',
      ['award_id_fain_NAMING_CONFLICT_SUFFIX'],
      [AWARD_D2],
      ['award_id_fain_NAMING_CONFLICT_SUFFIX'],
    ],
    ['case matters', ['Award_ID_Fain'], [AWARD_D2], ['Award_ID_Fain']],
    ['no sources', ['award_id_fain'], [], ['award_id_fain']],
  ])('%s', (_name, requested, valid, expected) => {
    expect(findUnknownColumns(requested, valid)).toEqual(expected);
  });
});

describe('assertKnownColumns', () => {
  it('answers 400 with the unknown names as a Python list', () => {
    expect(
      apiErrorOf(() => assertKnownColumns(['bogus_column', 'award_id_fain', "it's"], [AWARD_D2])),
    ).toEqual({
      status: 400,
      detail: `Unknown columns: ['bogus_column', "it's"]`,
    });
  });

  it('passes when columns are absent (all columns) or all known', () => {
    expect(() => assertKnownColumns(undefined, [])).not.toThrow();
    expect(() => assertKnownColumns(['award_id_fain'], [AWARD_D2])).not.toThrow();
  });

  it('builds the same error on its own', () => {
    expect(unknownColumnsError(['a', 'b']).message).toBe("Unknown columns: ['a', 'b']");
  });
});
