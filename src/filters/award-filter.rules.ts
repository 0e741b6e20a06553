import { RequestGroup, ruleContext, rulesOf } from '../download-request/contract/request-field.decorator';
import { FieldRule, KEY_PATH_SEPARATOR } from '../download-request/tinyshield/tinyshield-rule.types';
import { AwardFilterContract } from './award-filters.contract';

/** Filter names that name keywords under a legacy spelling and end up in `keywords`. */
export const KEYWORD_ALIAS_FILTERS = ['elasticsearch_keyword', 'transaction_keyword_search'] as const;

export interface AwardFilterRuleOptions {
  /** Accept `filters.recipient_id` (the count endpoint does; the download endpoints drop it, as the reference). */
  readonly recipientId?: boolean;
}

class FiltersOnly {
  @RequestGroup(() => AwardFilterContract)
  filters!: AwardFilterContract;
}

/** The TinyShield rules of `filters` (keys `filters|<name>`), all optional, from AwardFilterContract. */
export function awardFilterRules(options: AwardFilterRuleOptions = {}): FieldRule[] {
  return rulesOf(FiltersOnly, ruleContext({ recipientId: options.recipientId === true }));
}

/** Every accepted filter name, in rule order. */
export function awardFilterNames(options: AwardFilterRuleOptions = {}): string[] {
  return awardFilterRules(options).map((rule) => rule.key.split(KEY_PATH_SEPARATOR)[1]);
}
