import { isJsonObject, pythonTruthy } from '../download-request/tinyshield/python-coerce.util';
import { KEYWORD_ALIAS_FILTERS } from './award-filter.rules';

type Filters = Record<string, unknown>;

/**
 * The reference's legacy `keyword` rewrite (docs/compatibility.md#legacy-keyword-rewrite), run before validation on a non-empty `filters` object
 * holding `keyword` and/or `keywords`: `keyword` is removed and `keywords` becomes the existing `keywords` if that is
 * truthy, else `[keyword]`. Side effect kept on purpose: `"keywords": []` alone becomes `[null]` (a 400 type error).
 */
export function rewriteLegacyKeyword(filters: Filters): Filters {
  if (!Object.hasOwn(filters, 'keyword') && !Object.hasOwn(filters, 'keywords')) return filters;
  const { keyword = null, ...rest } = filters;
  return { ...rest, keywords: pythonTruthy(rest.keywords) ? rest.keywords : [keyword] };
}

/** Filters a seed documents as a single string where the current contract wants a list. */
const STRING_OR_LIST_FILTERS = ['recipient_search_text', ...KEYWORD_ALIAS_FILTERS] as const;

const LOCATION_FILTERS = ['recipient_locations', 'place_of_performance_locations'] as const;

/**
 * The seeds' spellings turned into the current ones before validation (docs/compatibility.md#where-we-depart policy), so that seed requests
 * validate with the reference's messages and share the cache with their modern equivalents:
 * a string `recipient_search_text` / keyword alias becomes a one-element list, and a location's `district` is read
 * as `district_original` (if both are sent, `district` stays and is rejected as an unexpected field).
 */
export function rewriteSeedFilterSpellings(filters: Filters): Filters {
  const rewritten: Filters = { ...filters };
  for (const name of STRING_OR_LIST_FILTERS) {
    const value = rewritten[name];
    if (typeof value === 'string') rewritten[name] = [value];
  }
  for (const name of LOCATION_FILTERS) {
    const value = rewritten[name];
    if (Array.isArray(value)) rewritten[name] = value.map((location: unknown) => renameDistrict(location));
  }
  return rewritten;
}

function renameDistrict(location: unknown): unknown {
  if (
    !isJsonObject(location) ||
    !Object.hasOwn(location, 'district') ||
    Object.hasOwn(location, 'district_original')
  ) {
    return location;
  }
  return Object.fromEntries(
    Object.entries(location).map(([member, value]) => [
      member === 'district' ? 'district_original' : member,
      value,
    ]),
  );
}

interface KeywordAliasFields {
  readonly keywords?: readonly string[];
  readonly elasticsearch_keyword?: readonly string[];
  readonly transaction_keyword_search?: readonly string[];
}

/**
 * After validation, the keyword aliases join `keywords` (values already present are not repeated) and disappear,
 * so the canonical request and the row filter only know one keyword list.
 */
export function foldKeywordAliases<F extends KeywordAliasFields>(
  filters: F,
): Omit<F, (typeof KEYWORD_ALIAS_FILTERS)[number]> {
  const { elasticsearch_keyword, transaction_keyword_search, ...others } = filters;
  if (elasticsearch_keyword === undefined && transaction_keyword_search === undefined) return others;
  const keywords = [...(filters.keywords ?? [])];
  for (const word of [...(elasticsearch_keyword ?? []), ...(transaction_keyword_search ?? [])])
    if (!keywords.includes(word)) keywords.push(word);
  return { ...others, keywords };
}
