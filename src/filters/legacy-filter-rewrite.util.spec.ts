import { awardFilterNames, awardFilterRules } from './award-filter.rules';
import {
  foldKeywordAliases,
  rewriteLegacyKeyword,
  rewriteSeedFilterSpellings,
} from './legacy-filter-rewrite.util';

describe('rewriteLegacyKeyword (docs/compatibility.md#legacy-keyword-rewrite)', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['no keyword filters: unchanged', { agencies: [] }, { agencies: [] }],
    ['keyword alone', { keyword: 'abc' }, { keywords: ['abc'] }],
    ['empty keywords alone become [null]', { keywords: [] }, { keywords: [null] }],
    ['null keyword', { keyword: null }, { keywords: [null] }],
    ['empty keywords and keyword', { keywords: [], keyword: 'abc' }, { keywords: ['abc'] }],
    ['keywords win', { keywords: ['xyz'], keyword: 'abc' }, { keywords: ['xyz'] }],
    [
      'a truthy non-list keywords stays (and fails validation later)',
      { keywords: 'abc' },
      { keywords: 'abc' },
    ],
  ])('%s', (_name, filters, expected) => {
    expect(rewriteLegacyKeyword(filters)).toEqual(expected);
  });

  it('does not modify its input', () => {
    const filters = { keyword: 'abc' };
    rewriteLegacyKeyword(filters);
    expect(filters).toEqual({ keyword: 'abc' });
  });
});

describe('rewriteSeedFilterSpellings (docs/compatibility.md#where-we-depart policy)', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['string recipient_search_text', { recipient_search_text: 'Acme' }, { recipient_search_text: ['Acme'] }],
    [
      'list recipient_search_text unchanged',
      { recipient_search_text: ['Acme'] },
      { recipient_search_text: ['Acme'] },
    ],
    [
      'string elasticsearch_keyword',
      { elasticsearch_keyword: 'radar' },
      { elasticsearch_keyword: ['radar'] },
    ],
    [
      'string transaction_keyword_search',
      { transaction_keyword_search: 'radar' },
      { transaction_keyword_search: ['radar'] },
    ],
    [
      'district read as district_original',
      { recipient_locations: [{ country: 'USA', district: '05' }] },
      { recipient_locations: [{ country: 'USA', district_original: '05' }] },
    ],
    [
      'district next to district_original kept (rejected later)',
      { place_of_performance_locations: [{ country: 'USA', district: '05', district_original: '06' }] },
      { place_of_performance_locations: [{ country: 'USA', district: '05', district_original: '06' }] },
    ],
    [
      'non-object locations untouched',
      { recipient_locations: ['USA', null] },
      { recipient_locations: ['USA', null] },
    ],
  ])('%s', (_name, filters, expected) => {
    expect(rewriteSeedFilterSpellings(filters)).toEqual(expected);
  });
});

describe('foldKeywordAliases', () => {
  it('moves the aliases into keywords without repeating values', () => {
    expect(
      foldKeywordAliases({
        keywords: ['a12'],
        elasticsearch_keyword: ['b12', 'a12'],
        transaction_keyword_search: ['c12'],
      }),
    ).toEqual({
      keywords: ['a12', 'b12', 'c12'],
    });
  });

  it('leaves filters without aliases as they are', () => {
    const filters = { keywords: ['a12'] };
    expect(foldKeywordAliases(filters)).toEqual(filters);
  });
});

describe('award filter rules (docs/compatibility.md#advanced-search-filters)', () => {
  it('follow the reference order, then the seed filters', () => {
    expect(awardFilterNames()).toEqual([
      'award_ids',
      'award_type_codes',
      'contract_pricing_type_codes',
      'extent_competed_type_codes',
      'keywords',
      'legal_entities',
      'naics_codes',
      'place_of_performance_scope',
      'program_numbers',
      'psc_codes',
      'recipient_scope',
      'recipient_search_text',
      'recipient_type_names',
      'set_aside_type_codes',
      'time_period',
      'award_amounts',
      'agencies',
      'recipient_locations',
      'place_of_performance_locations',
      'treasury_account_components',
      'tas_codes',
      'def_codes',
      'description',
      'award_unique_id',
      'federal_account_ids',
      'object_class_ids',
      'program_activity_ids',
      'elasticsearch_keyword',
      'transaction_keyword_search',
    ]);
  });

  it('include recipient_id only on request, at its reference position', () => {
    const names = awardFilterNames({ recipientId: true });
    expect(names.indexOf('recipient_id')).toBe(names.indexOf('psc_codes') + 1);
  });

  it('are keyed under filters and all optional', () => {
    const rules = awardFilterRules();
    expect(rules.every((rule) => rule.key.startsWith('filters|') && rule.required !== true)).toBe(true);
  });
});
