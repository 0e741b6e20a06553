import { isJsonObject } from '../tinyshield/python-coerce.util';
import { pythonRepr, pythonStr } from '../tinyshield/python-repr.util';
import { JsonValue } from '../tinyshield/tinyshield-rule.types';
import { compareCodePoints, comparePython } from './python-compare.util';

/**
 * Filters whose object form is a `require`/`exclude` tree: the inner path arrays (`["Service", "B", "B5"]`) are
 * positional and must keep their order (docs/compatibility.md#canonical-download-request).
 */
const FILTER_TREE_KEYS: ReadonlySet<string> = new Set(['naics_codes', 'psc_codes', 'tas_codes']);

type JsonObject = { [key: string]: JsonValue };

/**
 * The reference's deep canonical ordering (`order_nested_object`, docs/compatibility.md#canonical-download-request): object keys sorted at every depth,
 * scalar lists sorted (duplicates kept), lists of objects sorted by a per-element key and de-duplicated, lists of
 * lists sorted inside and out, and filter-tree objects sorted only at their outer levels.
 */
export function orderNested(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    if (value.length > 0 && isJsonObject(value[0])) return orderObjectList(value);
    return value.map((item) => orderNested(item)).sort(comparePython);
  }
  if (isJsonObject(value)) {
    const ordered: JsonObject = {};
    for (const key of sortedKeys(value)) {
      const item = value[key];
      ordered[key] =
        FILTER_TREE_KEYS.has(key) && isJsonObject(item) ? orderFilterTree(item) : orderNested(item);
    }
    return ordered;
  }
  return value;
}

/**
 * Elements are keyed by the Python rendering of `['<key><str(value)>', ...]` over their sorted keys; elements with
 * the same rendering collapse into one (the last one wins, as in the reference's dict), e.g. duplicate agencies.
 */
function orderObjectList(items: readonly JsonValue[]): JsonValue[] {
  const byKey = new Map<string, JsonValue>();
  for (const item of items) byKey.set(objectSortKey(item), orderNested(item));
  return [...byKey.keys()].sort(compareCodePoints).map((key) => byKey.get(key) ?? null);
}

function objectSortKey(item: JsonValue): string {
  if (!isJsonObject(item)) return pythonStr(item);
  return pythonRepr(sortedKeys(item).map((key) => `${key}${pythonStr(item[key])}`));
}

/** `require`/`exclude` lists are sorted as wholes (inner paths untouched); everything else as usual. */
function orderFilterTree(tree: JsonObject): JsonObject {
  const ordered: JsonObject = {};
  for (const key of sortedKeys(tree)) {
    const item = tree[key];
    ordered[key] =
      (key === 'require' || key === 'exclude') && Array.isArray(item)
        ? [...item].sort(comparePython)
        : orderNested(item);
  }
  return ordered;
}

function sortedKeys(value: JsonObject): string[] {
  return Object.keys(value).sort(compareCodePoints);
}
