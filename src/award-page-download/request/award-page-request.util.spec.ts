import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { canonicalRequestJson } from '../../download-request/canonical/canonical-request.util';
import { AwardPageAward } from './award-page-request.types';
import {
  assistanceIdOf,
  AWARD_NOT_FOUND_MESSAGE,
  awardNotFound,
  awardPageDownloadRequest,
  validateAwardPageBody,
} from './award-page-request.util';

const CONTRACT: AwardPageAward = {
  awardId: 456,
  generatedUniqueAwardId: 'CONT_AWD_N0002404C2105_9700_-NONE-_-NONE-',
  piid: 'N0002404C2105',
  fain: null,
  uri: null,
};

describe('validateAwardPageBody (idv, contract, assistance)', () => {
  it.each<[unknown, number | string]>([
    [123, 123],
    ['123', 123],
    [' 123 ', 123],
    ['1_000', 1000],
    [-1, -1],
    ['-1', -1],
    ['CONT_IDV_BBGBPA08452513_9568', 'CONT_IDV_BBGBPA08452513_9568'],
    // Raw text: kept exactly as sent, spaces included (it is then matched exactly).
    [' ASST_NON_X ', ' ASST_NON_X '],
  ])('award_id %j → %j', (sent, expected) => {
    expect(validateAwardPageBody({ award_id: sent }).award_id).toBe(expected);
  });

  it('defaults limit and file_format, drops every key without a rule and repeated columns', () => {
    expect(
      validateAwardPageBody({
        award_id: 1,
        filters: { award_type_codes: ['A'] },
        award_levels: ['x'],
        columns: [' a ', 'b', 'a'],
      }),
    ).toEqual({ award_id: 1, limit: 500000, columns: ['a', 'b'], file_format: 'csv' });
  });

  it.each<[string, unknown, number, string]>([
    ['no body object', [1], 400, 'The request body must be a JSON object.'],
    ['no award_id', {}, 422, "Missing value: 'award_id' is a required field"],
    ['award_id {}', { award_id: {} }, 422, "Missing value: 'award_id' is a required field"],
    [
      'award_id null',
      { award_id: null },
      422,
      "Invalid value in 'award_id'. 'None' is not a valid type (integer, text)",
    ],
    [
      'award_id empty',
      { award_id: '' },
      422,
      "Invalid value in 'award_id'. '' is not a valid type (integer, text)",
    ],
    [
      'award_id float',
      { award_id: 1.5 },
      422,
      "Invalid value in 'award_id'. '1.5' is not a valid type (integer, text)",
    ],
    [
      'award_id true',
      { award_id: true },
      422,
      "Invalid value in 'award_id'. 'True' is not a valid type (integer, text)",
    ],
    [
      'award_id list',
      { award_id: [123] },
      422,
      "Invalid value in 'award_id'. '[123]' is not a valid type (integer, text)",
    ],
    [
      'limit null',
      { award_id: 1, limit: null },
      400,
      "Invalid value in 'limit'. 'None' is not a valid type (integer)",
    ],
    [
      'limit too high',
      { award_id: 1, limit: 600000 },
      422,
      "Field 'limit' value '600000' is above max '500000'",
    ],
    // The reference accepts 0 (no limit at all) and negatives (the job then fails); we refuse both.
    ['limit zero', { award_id: 1, limit: 0 }, 422, "Field 'limit' value '0' is below min '1'"],
    ['limit negative', { award_id: 1, limit: -5 }, 422, "Field 'limit' value '-5' is below min '1'"],
    ['columns empty', { award_id: 1, columns: [] }, 422, "Field 'columns' value '[]' is below min '1' items"],
    [
      'columns a string',
      { award_id: 1, columns: 'abc' },
      400,
      "Invalid value in 'columns'. 'abc' is not a valid type (array)",
    ],
    ['column empty', { award_id: 1, columns: [''] }, 422, "Field 'columns' value '' is below min '1' items"],
    [
      'file_format upper case',
      { award_id: 1, file_format: 'CSV' },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
    [
      'file_format null',
      { award_id: 1, file_format: null },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
    [
      'file_format 123',
      { award_id: 1, file_format: 123 },
      400,
      "Field 'file_format' is outside valid values ['csv', 'tsv', 'pstxt']",
    ],
    // Presence first: a missing award_id is reported before a bad limit.
    ['missing before values', { limit: 'x' }, 422, "Missing value: 'award_id' is a required field"],
    [
      'award_id before limit',
      { award_id: null, limit: 'x' },
      422,
      "Invalid value in 'award_id'. 'None' is not a valid type (integer, text)",
    ],
  ])('%s', (_name, body, status, detail) => {
    expect(apiErrorOf(() => validateAwardPageBody(body))).toEqual({ status, detail });
  });

  it('has the reference text for an award that does not exist', () => {
    expect(
      apiErrorOf(() => {
        throw awardNotFound();
      }),
    ).toEqual({ status: 400, detail: AWARD_NOT_FOUND_MESSAGE });
    expect(AWARD_NOT_FOUND_MESSAGE).toBe('Unable to find award matching the provided award id');
  });
});

describe('awardPageDownloadRequest', () => {
  it('matches the reference contract example key by key (award type codes sorted)', () => {
    const request = awardPageDownloadRequest(
      'contract',
      validateAwardPageBody({ award_id: CONTRACT.generatedUniqueAwardId }),
      CONTRACT,
    );
    expect(canonicalRequestJson(request)).toBe(
      '{"account_level": "treasury_account", "award_id": 456, "download_types": ["contract_federal_account_funding", ' +
        '"contract_transactions", "sub_contracts"], "file_format": "csv", "filters": {"award_id": 456, ' +
        '"award_type_codes": ["A", "B", "C", "D"]}, "include_data_dictionary": true, "include_file_description": ' +
        '{"destination": "ContractAwardSummary_download_readme.txt", "source": "data/readme/ContractSummary_download_readme.txt"}, ' +
        '"is_for_assistance": false, "is_for_contract": true, "is_for_idv": false, "limit": 500000, ' +
        '"piid": "N0002404C2105", "request_type": "contract"}',
    );
  });

  it('builds the IDV request: 12 procurement codes, idv_award_id, no award_id nor is_for_contract', () => {
    const idv = {
      ...CONTRACT,
      awardId: 123,
      piid: 'tc1piid',
      generatedUniqueAwardId: 'CONT_IDV_tc1piid_9700',
    };
    const request = awardPageDownloadRequest(
      'idv',
      validateAwardPageBody({ award_id: 123, columns: ['b', 'a'] }),
      idv,
    );
    expect(request).toEqual({
      account_level: 'treasury_account',
      columns: ['b', 'a'],
      download_types: ['idv_federal_account_funding', 'idv_orders', 'idv_transaction_history'],
      file_format: 'csv',
      filters: {
        award_type_codes: [
          'A',
          'B',
          'C',
          'D',
          'IDV_A',
          'IDV_B',
          'IDV_B_A',
          'IDV_B_B',
          'IDV_B_C',
          'IDV_C',
          'IDV_D',
          'IDV_E',
        ],
        idv_award_id: 123,
      },
      include_data_dictionary: true,
      include_file_description: { destination: 'readme.txt', source: 'data/readme/idv_download_readme.txt' },
      is_for_idv: true,
      limit: 500000,
      piid: 'tc1piid',
      request_type: 'idv',
    });
  });

  it('builds the assistance request: 21 codes, assistance_id, no piid', () => {
    const grant = {
      awardId: 789,
      generatedUniqueAwardId: 'ASST_NON_ta1fain_7522',
      piid: null,
      fain: 'ta1fain',
      uri: 'u',
    };
    const request = awardPageDownloadRequest(
      'assistance',
      validateAwardPageBody({ award_id: '789', file_format: 'pstxt' }),
      grant,
    );
    expect(request).toMatchObject({
      assistance_id: 'ta1fain',
      award_id: 789,
      file_format: 'pstxt',
      is_for_assistance: true,
    });
    expect(request.filters.award_type_codes).toHaveLength(21);
    expect('piid' in request).toBe(false);
  });

  it.each<[Partial<AwardPageAward>, string | null]>([
    [{ generatedUniqueAwardId: 'ASST_NON_F1_7522', fain: 'F1', uri: 'U1' }, 'F1'],
    [{ generatedUniqueAwardId: 'ASST_AGG_U1_7522', fain: 'F1', uri: 'AGGURI 9' }, 'AGGURI 9'],
    // Case-sensitive and anywhere in the id, as the reference's test.
    [{ generatedUniqueAwardId: 'ASST_NON_xAGGx_7522', fain: 'F1', uri: 'U1' }, 'U1'],
    [{ generatedUniqueAwardId: 'ASST_NON_agg_7522', fain: null, uri: 'U1' }, null],
  ])('assistance id of %j is %j', (award, expected) => {
    expect(assistanceIdOf({ ...CONTRACT, ...award })).toBe(expected);
  });
});
