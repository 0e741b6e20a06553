import { awardDownloadSources, awardFileGroups, awardTypeCodesFor } from './award-download-sources.util';
import {
  ASSISTANCE_CODES,
  AWARD_TYPE_CODES,
  AWARD_TYPE_GROUPS,
  CONTRACT_CODES,
  IDV_CODES,
  INSURANCE_CODES,
  OTHER_FINANCIAL_ASSISTANCE_CODES,
  PROCUREMENT_CODES,
} from './award-type-codes.constants';

describe('award type code groups (docs/compatibility.md#award-type-groups)', () => {
  it('has 33 codes: 12 procurement and 21 assistance, with no overlap', () => {
    expect(AWARD_TYPE_CODES).toHaveLength(33);
    expect(PROCUREMENT_CODES).toHaveLength(12);
    expect(ASSISTANCE_CODES).toHaveLength(21);
    expect(new Set([...PROCUREMENT_CODES, ...ASSISTANCE_CODES]).size).toBe(33);
  });

  it('keeps insurance inside other financial assistance', () => {
    expect(INSURANCE_CODES.every((code) => OTHER_FINANCIAL_ASSISTANCE_CODES.includes(code))).toBe(true);
  });

  it('maps the seeds’ award_types categories to codes', () => {
    expect(AWARD_TYPE_GROUPS.contracts).toEqual(['A', 'B', 'C', 'D']);
    expect(AWARD_TYPE_GROUPS.grants).toEqual(['02', '03', '04', '05', 'F001', 'F002']);
    expect(Object.values(AWARD_TYPE_GROUPS).flat()).toHaveLength(33);
  });
});

describe('awardFileGroups (docs/compatibility.md#award-file-sources)', () => {
  it.each<[string, string[], string[]]>([
    ['all codes', [...AWARD_TYPE_CODES], ['contracts', 'assistance']],
    ['contracts only', [...CONTRACT_CODES], ['contracts']],
    ['IDVs only', [...IDV_CODES], ['contracts']],
    ['one grant', ['02'], ['assistance']],
    ['-1 is assistance', ['-1'], ['assistance']],
    ['procurement subawards', ['procurement'], ['contracts']],
    ['grant subawards', ['grant'], ['assistance']],
    ['both subaward types', ['grant', 'procurement'], ['contracts', 'assistance']],
    ['no intersection', ['no intersection'], []],
    ['unmapped source codes', ['E', 'F'], []],
  ])('%s', (_name, codes, expected) => {
    expect(awardFileGroups(codes)).toEqual(expected);
  });
});

describe('awardDownloadSources', () => {
  it('lists the files of download/awards in generation order', () => {
    const sources = awardDownloadSources(['elasticsearch_sub_awards', 'elasticsearch_awards'], {
      award_type_codes: ['A', '02'],
    });
    expect(sources.map((source) => source.catalogKey)).toEqual([
      'award.d1',
      'award.d2',
      'sub_award.d1',
      'sub_award.d2',
    ]);
    expect(sources[0]).toEqual({
      downloadType: 'elasticsearch_awards',
      group: 'contracts',
      catalogKey: 'award.d1',
    });
  });

  it('lists only the Contracts files of a contracts-only transactions download', () => {
    const sources = awardDownloadSources(['elasticsearch_sub_awards', 'elasticsearch_transactions'], {
      award_type_codes: ['A', 'B'],
    });
    expect(sources.map((source) => source.catalogKey)).toEqual(['sub_award.d1', 'transaction.d1']);
  });

  it('uses per-type codes of custom bulk requests', () => {
    const filters = {
      award_type_codes: [...AWARD_TYPE_CODES],
      prime_and_sub_award_types: { prime_awards: ['02'], elasticsearch_sub_awards: ['procurement'] },
    };
    expect(awardTypeCodesFor('prime_awards', filters)).toEqual(['02']);
    expect(
      awardDownloadSources(['prime_awards', 'elasticsearch_sub_awards'], filters).map((s) => s.catalogKey),
    ).toEqual(['sub_award.d1', 'transaction.d2']);
  });

  it('produces no file for a type without codes', () => {
    expect(awardDownloadSources(['prime_awards'], { prime_and_sub_award_types: {} })).toEqual([]);
  });
});
