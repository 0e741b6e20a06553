import { canonicalRequestJson } from '../../download-request/canonical/canonical-request.util';
import { finishCustomBulkRequest, parseBulkAwardRequest } from './bulk-award-request.util';
import { BulkAwardRequest, BulkKeywordFilters, BulkRequestDraft } from './bulk-award-request.types';
import { SEED_BULK_EXAMPLE } from '../../download-request/seed-examples';

const OPTIONS = { today: '2024-06-15', maxDays: 366 };
const TREASURY = 'Department of the Treasury';

/** Parses a body and completes it as the service would, with `name` as the looked-up toptier agency name. */
function normalize(body: unknown, name = TREASURY, options = OPTIONS): BulkAwardRequest {
  const draft = parseBulkAwardRequest(body, options);
  if (draft.mode === 'keyword') return draft.request;
  return finishCustomBulkRequest(draft, draft.agencyId === undefined ? undefined : name);
}

function customDraft(body: unknown): Extract<BulkRequestDraft, { mode: 'custom' }> {
  const draft = parseBulkAwardRequest(body, OPTIONS);
  if (draft.mode !== 'custom') throw new Error('expected custom mode');
  return draft;
}

describe('parseBulkAwardRequest: custom mode (docs/compatibility.md#custom-award-data-bulk)', () => {
  it('matches the example of docs/compatibility.md#custom-award-data-bulk byte for byte', () => {
    const body = {
      filters: {
        agency: 50,
        prime_award_types: ['A'],
        date_type: 'action_date',
        date_range: { start_date: '2019-10-01', end_date: '2020-09-30' },
      },
    };
    expect(customDraft(body).agencyId).toBe(50);
    expect(canonicalRequestJson(normalize(body))).toBe(
      '{"download_types": ["prime_awards"], "file_format": "csv", "filters": {"agencies": [{"name": ' +
        '"Department of the Treasury", "tier": "toptier", "type": "awarding"}], "prime_and_sub_award_types": ' +
        '{"prime_awards": ["A"]}, "time_period": [{"date_type": "action_date", "end_date": "2020-09-30", ' +
        '"start_date": "2019-10-01"}]}, "request_type": "award"}',
    );
  });

  it('accepts the seed’s example body as is (award_levels + award_types categories)', () => {
    const seed = SEED_BULK_EXAMPLE;
    const request = normalize(seed, 'National Science Foundation');
    expect(request.download_types).toEqual(['elasticsearch_sub_awards', 'prime_awards']);
    expect(request.filters).toEqual({
      agencies: [{ name: 'National Science Foundation', tier: 'toptier', type: 'awarding' }],
      prime_and_sub_award_types: {
        elasticsearch_sub_awards: ['grant', 'procurement'],
        prime_awards: ['02', '03', '04', '05', 'A', 'B', 'C', 'D', 'F001', 'F002'],
      },
      time_period: [{ date_type: 'action_date', end_date: '2019-12-31', start_date: '2019-01-01' }],
    });
    expect(request.limit).toBeUndefined();
  });

  it('maps each seed level on its own: contracts/IDVs → procurement, assistance categories → grant', () => {
    const filters = { agency: 'all', date_range: { start_date: '2020-01-01', end_date: '2020-02-01' } };
    const subOnly = normalize({
      filters: { ...filters, award_types: ['idvs', 'loans'] },
      award_levels: ['sub_awards'],
    });
    expect(subOnly.download_types).toEqual(['elasticsearch_sub_awards']);
    expect(subOnly.filters).toMatchObject({
      prime_and_sub_award_types: { elasticsearch_sub_awards: ['grant', 'procurement'] },
    });
    const primeOnly = normalize({
      filters: { ...filters, award_types: ['direct_payments', 'direct_payments'] },
      award_levels: ['prime_awards'],
    });
    expect(primeOnly.filters).toMatchObject({
      prime_and_sub_award_types: { prime_awards: ['06', '10', 'F006', 'F007'] },
    });
  });

  it('applies the seed’s sub_agency, keyword and location district', () => {
    const request = normalize({
      filters: {
        agency: '21',
        sub_agency: 'Internal Revenue Service',
        award_types: ['contracts'],
        date_range: { start_date: '2020-01-01', end_date: '2020-12-31' },
        date_type: 'last_modified_date',
        keyword: ' consulting ',
        recipient_locations: [{ country: 'USA', state: 'VA', district: '08' }],
        place_of_performance_locations: [{ country: 'USA', zip: '22201' }],
      },
      award_levels: ['prime_awards'],
    });
    expect(request.filters).toEqual({
      agencies: [
        { name: 'Internal Revenue Service', tier: 'subtier', toptier_name: TREASURY, type: 'awarding' },
      ],
      keywords: ['consulting'],
      place_of_performance_locations: [{ country: 'USA', zip: '22201' }],
      prime_and_sub_award_types: { prime_awards: ['A', 'B', 'C', 'D'] },
      recipient_locations: [{ country: 'USA', district_original: '08', state: 'VA' }],
      time_period: [{ date_type: 'last_modified_date', end_date: '2020-12-31', start_date: '2020-01-01' }],
    });
  });

  it.each(['all', 'ALL', 'All'])('reads agency %j as no agency filter', (agency) => {
    const body = {
      filters: {
        agency,
        sub_agency: 'X',
        sub_award_types: ['grant'],
        date_range: { start_date: '2024-01-01' },
      },
    };
    const draft = customDraft({ ...body });
    expect(draft.agencyId).toBeUndefined();
    expect(normalize(body, 'unused').filters).not.toHaveProperty('agencies');
  });

  it('lets a client agencies list replace agency, minus entries named all', () => {
    const request = normalize({
      filters: {
        agency: 50,
        agencies: [
          { type: 'funding', tier: 'toptier', name: 'Department of Defense' },
          { type: 'awarding', tier: 'toptier', name: 'All' },
          { type: 'funding', tier: 'toptier', name: 'Department of Defense' },
        ],
        prime_award_types: ['B'],
        date_range: { start_date: '2020-01-01', end_date: '2020-12-31' },
      },
    });
    expect(request.filters).toMatchObject({
      agencies: [{ name: 'Department of Defense', tier: 'toptier', type: 'funding' }],
    });
    const onlyAll = normalize({
      filters: {
        agencies: [{ type: 'awarding', tier: 'toptier', name: 'all' }],
        prime_award_types: ['B'],
        date_range: { start_date: '2020-01-01', end_date: '2020-12-31' },
      },
    });
    expect(onlyAll.filters).toMatchObject({ agencies: [] });
  });

  it('defaults date_type, start_date and end_date (today, UTC)', () => {
    const open = { ...OPTIONS, maxDays: Infinity };
    const request = normalize(
      { filters: { sub_award_types: ['procurement'], date_range: { end_date: '2020-1-5' } } },
      '',
      open,
    );
    expect(request.filters).toMatchObject({
      time_period: [{ date_type: 'action_date', end_date: '2020-01-05', start_date: '1000-01-01' }],
    });
    const untilToday = normalize({
      filters: { sub_award_types: ['grant'], date_range: { start_date: '2024-01-01' } },
    });
    expect(untilToday.filters).toMatchObject({
      time_period: [{ end_date: '2024-06-15', start_date: '2024-01-01' }],
    });
  });

  it('copies scopes, keeps columns in client order without repeats, lower-cases file_format', () => {
    const request = normalize({
      filters: {
        prime_award_types: ['02', 'A'],
        sub_award_types: ['procurement'],
        recipient_scope: 'foreign',
        place_of_performance_scope: 'domestic',
        date_range: { start_date: '2020-01-01', end_date: '2020-12-31' },
        award_type_codes: ['ignored'],
        limit: 5,
      },
      columns: [' modification_number ', 'action_date', 'modification_number'],
      file_format: 'TSV',
    });
    expect(request.columns).toEqual(['modification_number', 'action_date']);
    expect(request.file_format).toBe('tsv');
    expect(request.filters).toMatchObject({
      place_of_performance_scope: 'domestic',
      recipient_scope: 'foreign',
    });
    expect(request.filters).not.toHaveProperty('award_type_codes');
  });

  it('ignores award_types and award_levels when the newer lists are sent', () => {
    const request = normalize({
      filters: { prime_award_types: ['A'], award_types: ['bogus'], date_range: { start_date: '2024-01-01' } },
      award_levels: 'bogus',
    });
    expect(request.download_types).toEqual(['prime_awards']);
  });
});

describe('parseBulkAwardRequest: keyword mode (docs/compatibility.md#custom-award-data-bulk)', () => {
  it('turns a keyword-only request into a row-limited prime transactions download', () => {
    const request = normalize({
      filters: { keyword: ' solar ' },
      award_levels: ['prime_awards'],
      columns: ['b', 'a'],
    });
    expect(request).toMatchObject({
      columns: ['b', 'a'],
      download_types: ['prime_awards'],
      file_format: 'csv',
      limit: 500000,
      request_type: 'award',
    });
    expect(request.filters).toMatchObject({ transaction_keyword_search: ['solar'] });
    expect((request.filters as BulkKeywordFilters).award_type_codes).toHaveLength(33);
  });

  it('accepts award_type_codes next to keywords, and keywords of any length, sorted', () => {
    const request = normalize({
      filters: { keywords: ['zz', 'ab'], award_type_codes: ['A'] },
      award_levels: ['prime_awards'],
    });
    expect(request.filters).toMatchObject({ transaction_keyword_search: ['ab', 'zz'] });
    expect((request.filters as BulkKeywordFilters).award_type_codes).toHaveLength(33);
  });

  it('is custom mode as soon as another filter is present', () => {
    const draft = parseBulkAwardRequest(
      { filters: { keyword: 'solar', prime_award_types: ['A'], date_range: { start_date: '2024-01-01' } } },
      OPTIONS,
    );
    expect(draft.mode).toBe('custom');
  });
});
