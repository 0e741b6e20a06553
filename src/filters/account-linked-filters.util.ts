import { AwardFilters, PathTreeFilter, TasComponentsFilter } from './award-filter.types';
import { allOf, anyOf, literal, literalList, numberLiteral } from './sql-literal.util';

const TAS_PARTS: [keyof TasComponentsFilter, string][] = [
  ['ata', 'allocation_transfer_agency_id'],
  ['aid', 'agency_id'],
  ['bpoa', 'beginning_period_of_availability'],
  ['epoa', 'ending_period_of_availability'],
  ['a', 'availability_type_code'],
  ['main', 'main_account_code'],
  ['sub', 'sub_account_code'],
];

function tasComponentsCondition(components: TasComponentsFilter): string {
  const parts = TAS_PARTS.flatMap(([key, column]) => {
    const value = components[key];
    if (value === undefined) return [];
    return value === null ? [`taa.${column} IS NULL`] : [`taa.${column} = ${literal(value)}`];
  });
  return allOf(parts);
}

/** Tree form of tas_codes: paths [agency, federal account "aid-main", tas symbol]; the deepest level decides. */
function tasPathCondition(path: readonly string[]): string {
  const [agency, federalAccount, tas] = path;
  if (tas !== undefined) return `taa.tas_rendering_label = ${literal(tas)}`;
  if (federalAccount !== undefined) return `fa.federal_account_code = ${literal(federalAccount)}`;
  return `taa.agency_id = ${literal(agency ?? '')}`;
}

function tasCondition(tas: AwardFilters['tas_codes']): string | undefined {
  if (!tas) return undefined;
  if (!isPathTree(tas)) return anyOf(tas.map(tasComponentsCondition));
  const tree = tas;
  const required = tree.require?.length ? anyOf(tree.require.map(tasPathCondition)) : 'true';
  const excluded = tree.exclude?.length ? `NOT ${anyOf(tree.exclude.map(tasPathCondition))}` : 'true';
  return allOf([required, excluded]);
}

/** Array.isArray does not narrow readonly arrays, so the tree form is told apart explicitly. */
export function isPathTree<T>(value: readonly T[] | PathTreeFilter): value is PathTreeFilter {
  return !Array.isArray(value);
}

/** Integer ids compared as integers (a `::text` cast would hide the column from its index). */
function ids(values: readonly number[]): string {
  return values.map(numberLiteral).join(', ');
}

/**
 * Filters that describe how an award was funded live in File C (financial_accounts_by_awards): an
 * award matches when one of its File C rows satisfies all of them. The reference drops
 * federal_account_ids, object_class_ids and program_activity_ids silently; we apply them.
 */
export function accountLinkedCondition(
  filters: AwardFilters,
  awardIdColumn: string,
  withDefCodes: boolean,
): string | undefined {
  const conditions: string[] = [];
  const tas = tasCondition(filters.tas_codes);
  if (tas) conditions.push(tas);
  if (filters.treasury_account_components?.length) {
    conditions.push(anyOf(filters.treasury_account_components.map(tasComponentsCondition)));
  }
  if (filters.federal_account_ids?.length) {
    conditions.push(`taa.federal_account_id IN (${ids(filters.federal_account_ids)})`);
  }
  if (filters.object_class_ids?.length)
    conditions.push(`faba.object_class_id IN (${ids(filters.object_class_ids)})`);
  if (filters.program_activity_ids?.length) {
    conditions.push(`faba.program_activity_id IN (${ids(filters.program_activity_ids)})`);
  }
  if (withDefCodes && filters.def_codes?.length) {
    conditions.push(`faba.disaster_emergency_fund_code IN (${literalList(filters.def_codes)})`);
  }
  if (conditions.length === 0) return undefined;
  return `${awardIdColumn} IN (
    SELECT faba.award_id FROM financial_accounts_by_awards AS faba
    JOIN treasury_appropriation_account AS taa ON taa.treasury_account_identifier = faba.treasury_account_id
    LEFT JOIN federal_account AS fa ON fa.id = taa.federal_account_id
    WHERE faba.award_id IS NOT NULL AND ${allOf(conditions)})`;
}
