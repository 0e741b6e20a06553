import {
  AWARD_TYPE_GROUPS,
  AwardTypeGroup,
  SubawardType,
} from '../../download-request/award-types/award-type-codes.constants';

/** Seed categories whose subawards are contract subawards; every other category is assistance (`grant`). */
const PROCUREMENT_GROUPS: ReadonlySet<string> = new Set<AwardTypeGroup>(['contracts', 'idvs']);

/** The newer form's per-level type lists; a level the client did not ask for stays absent. */
export interface BulkAwardTypeLists {
  readonly prime_award_types?: readonly string[];
  readonly sub_award_types?: readonly SubawardType[];
}

/**
 * Seed 001's `award_levels` + `award_types` categories in the newer form (docs/compatibility.md#where-we-depart): prime awards get the
 * codes of every category (docs/compatibility.md#award-type-groups), subawards get `procurement` for contracts/IDVs and `grant` for the
 * assistance categories. Duplicates collapse, so a repeated category changes nothing.
 */
export function seedAwardTypeLists(
  levels: readonly string[],
  categories: readonly AwardTypeGroup[],
): BulkAwardTypeLists {
  const prime = [...new Set(categories.flatMap((category) => AWARD_TYPE_GROUPS[category]))];
  const sub = [
    ...new Set(
      categories.map((category): SubawardType =>
        PROCUREMENT_GROUPS.has(category) ? 'procurement' : 'grant',
      ),
    ),
  ];
  return {
    ...(levels.includes('prime_awards') ? { prime_award_types: prime } : {}),
    ...(levels.includes('sub_awards') ? { sub_award_types: sub } : {}),
  };
}
