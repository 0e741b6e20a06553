/** The reference's internal suffix on two header names that collide across its models (docs/compatibility.md#where-we-depart). */
export const NAMING_CONFLICT_SUFFIX = '_NAMING_CONFLICT_SUFFIX';

/** The only names that carry the suffix; clients may send them with or without it. */
const CONFLICTING_NAMES: ReadonlySet<string> = new Set([
  'disaster_emergency_fund_codes',
  'last_modified_date',
]);

/**
 * One spelling per column: the suffix is dropped from the two conflicting names, other names are unchanged.
 * Both the request-time column check and the SELECT builder compare names through it, so a name the check
 * accepts is a name the file gets.
 */
export function plainColumnName(name: string): string {
  if (!name.endsWith(NAMING_CONFLICT_SUFFIX)) return name;
  const plain = name.slice(0, -NAMING_CONFLICT_SUFFIX.length);
  return CONFLICTING_NAMES.has(plain) ? plain : name;
}
