import { ALL_CODES_JSON, ALL_CODES_SORTED } from '../../../test/download-request/award-codes.fixture';
import { canonicalRequestJson } from '../../download-request/canonical/canonical-request.util';
import { normalizeAwardDownloadRequest } from './award-download-request.util';
import { SEED_AWARD_EXAMPLE } from '../../download-request/seed-examples';

describe('normalizeAwardDownloadRequest: the seed (002) request shapes', () => {
  it('answers the seed’s example body with the current canonical form', () => {
    const seedBody = SEED_AWARD_EXAMPLE;
    expect(canonicalRequestJson(normalizeAwardDownloadRequest(seedBody, 'awards'))).toBe(
      '{"columns": ["assistance_award_unique_key", "award_id_fain", "award_id_uri", "sai_number", "total_funding_amount"], ' +
        '"download_types": ["elasticsearch_awards", "elasticsearch_sub_awards"], "file_format": "csv", ' +
        `"filters": {"award_type_codes": ${ALL_CODES_JSON}, "keywords": ["Defense"]}, "limit": 500000, "request_type": "award"}`,
    );
  });

  it('accepts every filter of the seed’s Filters structure, in the seed’s spellings', () => {
    const request = normalizeAwardDownloadRequest(
      {
        filters: {
          award_amounts: [{ lower_bound: 1000, upper_bound: '5000.5' }],
          award_ids: ['SPE30018FLJFN', '"W911"'],
          award_type_codes: ['A', 'B', '02'],
          agencies: [{ type: 'awarding', tier: 'toptier', name: 'Department of Defense' }],
          contract_pricing_type_codes: ['J'],
          elasticsearch_keyword: 'missile',
          extent_competed_type_codes: ['A'],
          federal_account_ids: ['1234'],
          keywords: ['Defense'],
          legal_entities: ['10', 7],
          naics_codes: { require: ['33'], exclude: ['3333'] },
          object_class_ids: ['25'],
          place_of_performance_locations: [{ country: 'USA', state: 'VA', district: '08' }],
          place_of_performance_scope: 'domestic',
          program_activity_ids: ['3'],
          program_numbers: ['10.001'],
          psc_codes: ['1510'],
          recipient_locations: [{ country: 'USA', state: 'CA', county: '073', city: 'San Diego' }],
          recipient_search_text: 'Booz Allen',
          recipient_scope: 'domestic',
          recipient_type_names: ['small_business'],
          set_aside_type_codes: ['8A'],
          time_period: [{ start_date: '2019-10-01', end_date: '2020-09-30', date_type: 'action_date' }],
        },
        file_format: 'csv',
        limit: 1000,
      },
      'awards',
    );
    expect(request.filters).toEqual({
      agencies: [{ name: 'Department of Defense', tier: 'toptier', type: 'awarding' }],
      award_amounts: [{ lower_bound: 1000, upper_bound: 5000.5 }],
      award_ids: ['"W911"', 'SPE30018FLJFN'],
      award_type_codes: ['02', 'A', 'B'],
      contract_pricing_type_codes: ['J'],
      extent_competed_type_codes: ['A'],
      federal_account_ids: [1234],
      keywords: ['Defense', 'missile'],
      legal_entities: [7, 10],
      naics_codes: { exclude: [3333], require: [33] },
      object_class_ids: [25],
      place_of_performance_locations: [{ country: 'USA', district_original: '08', state: 'VA' }],
      place_of_performance_scope: 'domestic',
      program_activity_ids: [3],
      program_numbers: ['10.001'],
      psc_codes: ['1510'],
      recipient_locations: [{ city: 'San Diego', country: 'USA', county: '073', state: 'CA' }],
      recipient_scope: 'domestic',
      recipient_search_text: ['Booz Allen'],
      recipient_type_names: ['small_business'],
      set_aside_type_codes: ['8A'],
      time_period: [{ date_type: 'action_date', end_date: '2020-09-30', start_date: '2019-10-01' }],
    });
    expect(Object.keys(request.filters)).toEqual(Object.keys(request.filters).sort());
    expect(request.limit).toBe(1000);
  });

  it('folds transaction_keyword_search into keywords without repeating a keyword', () => {
    const request = normalizeAwardDownloadRequest(
      { filters: { keywords: ['Defense'], transaction_keyword_search: ['Defense', 'Army'] } },
      'transactions',
    );
    expect(request.filters).toEqual({ award_type_codes: ALL_CODES_SORTED, keywords: ['Army', 'Defense'] });
  });

  it('keeps the current filters the seed does not know (tas_codes, def_codes, description, award_unique_id)', () => {
    const request = normalizeAwardDownloadRequest(
      {
        filters: {
          tas_codes: [{ aid: '097', main: '0100', ata: null }],
          treasury_account_components: [{ aid: '097', main: '0100' }],
          def_codes: ['N', 'L'],
          description: ' radar ',
          award_unique_id: 'CONT_AWD_1',
        },
      },
      'awards',
    );
    expect(request.filters).toEqual({
      award_type_codes: ALL_CODES_SORTED,
      award_unique_id: 'CONT_AWD_1',
      def_codes: ['L', 'N'],
      description: 'radar',
      tas_codes: [{ aid: '097', ata: null, main: '0100' }],
      treasury_account_components: [{ aid: '097', main: '0100' }],
    });
  });

  it('drops recipient_id and unknown filters, as the reference does', () => {
    const request = normalizeAwardDownloadRequest(
      { filters: { recipient_id: 'abc-R', agency: 'all', keywords: ['abc'] } },
      'awards',
    );
    expect(Object.keys(request.filters)).toEqual(['award_type_codes', 'keywords']);
  });
});
