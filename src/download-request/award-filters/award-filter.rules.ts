import { FieldRule, KEY_PATH_SEPARATOR, ValueRule } from '../tinyshield/tinyshield-rule.types';
import {
  AGENCY_OBJECT,
  AWARD_AMOUNT_OBJECT,
  AWARD_TYPE_CODES_RULE,
  ID_LIST_RULE,
  LEGAL_ENTITIES_RULE,
  LOCATION_OBJECT,
  NAICS_CODES_RULE,
  PSC_CODES_RULE,
  SCOPE_RULE,
  TAS_CODES_RULE,
  TAS_COMPONENTS_OBJECT,
  TIME_PERIOD_OBJECT,
  textList,
} from './award-filter-parts.rules';

/**
 * The advanced-search filters in the reference's rule order (api.md §3.2): with several bad filters, the first one
 * in this order is reported. `recipient_id` is accepted by /download/count only.
 */
const REFERENCE_FILTERS: readonly (readonly [string, ValueRule])[] = [
  ['award_ids', textList()],
  ['award_type_codes', AWARD_TYPE_CODES_RULE],
  ['contract_pricing_type_codes', textList()],
  ['extent_competed_type_codes', textList()],
  ['keywords', textList(3)],
  ['legal_entities', LEGAL_ENTITIES_RULE],
  ['naics_codes', NAICS_CODES_RULE],
  ['place_of_performance_scope', SCOPE_RULE],
  ['program_numbers', textList()],
  ['psc_codes', PSC_CODES_RULE],
  ['recipient_id', { type: 'text' }],
  ['recipient_scope', SCOPE_RULE],
  ['recipient_search_text', textList()],
  ['recipient_type_names', textList()],
  ['set_aside_type_codes', textList()],
  ['time_period', { type: 'array', items: TIME_PERIOD_OBJECT }],
  ['award_amounts', { type: 'array', items: AWARD_AMOUNT_OBJECT }],
  ['agencies', { type: 'array', items: AGENCY_OBJECT }],
  ['recipient_locations', { type: 'array', items: LOCATION_OBJECT }],
  ['place_of_performance_locations', { type: 'array', items: LOCATION_OBJECT }],
  ['treasury_account_components', { type: 'array', items: TAS_COMPONENTS_OBJECT }],
  ['tas_codes', TAS_CODES_RULE],
  ['def_codes', textList()],
  ['description', { type: 'text' }],
  ['award_unique_id', { type: 'text' }],
];

/**
 * Filters the seeds document but the reference silently drops (README §1 policy: apply them). Validated after the
 * reference's filters, so reference error precedence is unchanged. The two keyword aliases are folded into
 * `keywords` after validation (see `foldKeywordAliases`), hence the same 3-character minimum.
 */
const SEED_FILTERS: readonly (readonly [string, ValueRule])[] = [
  ['federal_account_ids', ID_LIST_RULE],
  ['object_class_ids', ID_LIST_RULE],
  ['program_activity_ids', ID_LIST_RULE],
  ['elasticsearch_keyword', textList(3)],
  ['transaction_keyword_search', textList(3)],
];

/** Filter names that name keywords under a legacy spelling and end up in `keywords`. */
export const KEYWORD_ALIAS_FILTERS = ['elasticsearch_keyword', 'transaction_keyword_search'] as const;

export interface AwardFilterRuleOptions {
  /** Accept `filters.recipient_id` (the count endpoint does; the download endpoints drop it, as the reference). */
  readonly recipientId?: boolean;
}

/** Every accepted filter name, in rule order. */
export function awardFilterNames(options: AwardFilterRuleOptions = {}): string[] {
  return [...REFERENCE_FILTERS, ...SEED_FILTERS]
    .map(([name]) => name)
    .filter((name) => options.recipientId === true || name !== 'recipient_id');
}

/** The TinyShield rules of `filters` (keys `filters|<name>`), all optional. */
export function awardFilterRules(options: AwardFilterRuleOptions = {}): FieldRule[] {
  return [...REFERENCE_FILTERS, ...SEED_FILTERS]
    .filter(([name]) => options.recipientId === true || name !== 'recipient_id')
    .map(([name, rule]): FieldRule => ({ ...rule, key: `filters${KEY_PATH_SEPARATOR}${name}` }));
}
