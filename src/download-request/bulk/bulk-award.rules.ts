import { COLUMNS_RULE, FILE_FORMAT_RULE } from '../award-download/download-common.rules';
import {
  AGENCY_OBJECT,
  LOCATION_OBJECT,
  SCOPE_RULE,
  textList,
} from '../award-filters/award-filter-parts.rules';
import {
  AWARD_TYPE_CODES,
  AWARD_TYPE_GROUPS,
  SUBAWARD_TYPES,
} from '../award-types/award-type-codes.constants';
import { FieldRule, KEY_PATH_SEPARATOR, ValueRule } from '../tinyshield/tinyshield-rule.types';

/** Default `start_date` of a custom bulk request: the reference's "since forever". */
export const BULK_DEFAULT_START_DATE = '1000-01-01';

/** The seeds' `award_levels` (seed 001). */
export const BULK_AWARD_LEVELS = ['prime_awards', 'sub_awards'] as const;

const filter = (name: string, rule: ValueRule, presence: Partial<FieldRule> = {}): FieldRule =>
  ({ ...rule, ...presence, key: `filters${KEY_PATH_SEPARATOR}${name}` }) as FieldRule;

/**
 * Custom-mode rules in the reference's order (api.md §4.1 b), so a request with several problems gets the
 * reference's error. The seeds' fields follow the reference's filters: `keywords` (from `keyword`, applied here,
 * README §1) always, `award_levels` and `award_types` only for a seed-form request (`seedForm`), where they stand
 * in for `prime_award_types` / `sub_award_types`.
 */
export function customBulkRules(today: string, seedForm: boolean): FieldRule[] {
  return [
    filter('agencies', { type: 'array', items: AGENCY_OBJECT }),
    filter('agency', { type: 'integer' }),
    filter(
      'date_range',
      {
        type: 'object',
        members: {
          start_date: { type: 'date', default: BULK_DEFAULT_START_DATE },
          end_date: { type: 'date', default: today },
        },
      },
      { required: true },
    ),
    filter(
      'date_type',
      { type: 'enum', values: ['action_date', 'last_modified_date'] },
      { default: 'action_date' },
    ),
    filter('place_of_performance_locations', { type: 'array', items: LOCATION_OBJECT }),
    filter('place_of_performance_scope', SCOPE_RULE),
    filter('prime_award_types', { type: 'array', items: { type: 'enum', values: AWARD_TYPE_CODES } }),
    filter('recipient_locations', { type: 'array', items: LOCATION_OBJECT }),
    filter('recipient_scope', SCOPE_RULE),
    filter('sub_agency', { type: 'text' }),
    filter('sub_award_types', { type: 'array', items: { type: 'enum', values: SUBAWARD_TYPES } }),
    filter('keywords', textList()),
    ...(seedForm ? seedFormRules() : []),
    COLUMNS_RULE,
    FILE_FORMAT_RULE,
  ];
}

/** Seed 001's required `award_levels` and `award_types` categories. */
function seedFormRules(): FieldRule[] {
  return [
    {
      key: 'award_levels',
      type: 'array',
      items: { type: 'enum', values: BULK_AWARD_LEVELS },
      required: true,
    },
    filter(
      'award_types',
      { type: 'array', items: { type: 'enum', values: Object.keys(AWARD_TYPE_GROUPS) } },
      { required: true },
    ),
  ];
}

/**
 * Keyword-mode rules (api.md §4.3): the keywords (no 3-character minimum here) and `award_levels`, which the
 * reference reads as `download_types` and only allows to be `["prime_awards"]`.
 */
export const KEYWORD_BULK_RULES: readonly FieldRule[] = [
  filter('transaction_keyword_search', textList()),
  { key: 'download_types', type: 'array', items: { type: 'enum', values: ['prime_awards'] } },
  COLUMNS_RULE,
  FILE_FORMAT_RULE,
];
