/**
 * Request normalization for award downloads: pure functions, no HTTP, no SQL. Routes call
 * `normalizeAwardDownloadRequest` / `normalizeDownloadCountRequest`, then key the same-request cache on
 * `canonicalRequestHash(canonicalRequestJson(request))`, name the zip with `awardZipFileName`, and check `columns`
 * against the files `awardDownloadSources` lists. Bulk and account routes reuse `validateRequest` with their rules.
 */

// Generic TinyShield-compatible validator.
export { validateRequest } from './tinyshield/tinyshield.util';
export type {
  AnyRule,
  ArrayRule,
  BooleanRule,
  DateRule,
  EnumRule,
  FieldRule,
  FloatRule,
  IntegerRule,
  JsonValue,
  MemberRule,
  ObjectRule,
  TextRule,
  ValidatedRequest,
  ValueRule,
} from './tinyshield/tinyshield-rule.types';
export { KEY_PATH_SEPARATOR, MAX_ITEMS } from './tinyshield/tinyshield-rule.types';
export { pythonRepr, pythonSetRepr, pythonStr } from './tinyshield/python-repr.util';

// Award filters, shared by the awards, transactions, count and bulk routes.
export * from './award-filters/award-filter-parts.rules';
export {
  awardFilterNames,
  awardFilterRules,
  KEYWORD_ALIAS_FILTERS,
} from './award-filters/award-filter.rules';
export type { AwardFilterRuleOptions } from './award-filters/award-filter.rules';
export type * from './award-filters/award-filter.types';
export {
  foldKeywordAliases,
  rewriteLegacyKeyword,
  rewriteSeedFilterSpellings,
} from './award-filters/legacy-filter-rewrite.util';

// Award types, download types and the files they produce.
export * from './award-types/award-type-codes.constants';
export * from './award-types/award-download-type.constants';
export {
  awardDownloadSources,
  awardFileGroups,
  awardTypeCodesFor,
} from './award-types/award-download-sources.util';
export type {
  AwardDownloadSource,
  AwardFileGroup,
  AwardTypeSelection,
} from './award-types/award-download-sources.util';

// Endpoint-level normalization.
export { normalizeAwardDownloadRequest } from './award-download/award-download-request.util';
export {
  normalizeDownloadCountRequest,
  unusedFiltersMessage,
} from './award-download/download-count-request.util';
export type * from './award-download/award-download-request.types';
export * from './award-download/download-common.rules';
export * from './award-download/request-body.util';

// Canonical form and cache key.
export {
  canonicalizeDownloadRequest,
  canonicalRequestHash,
  canonicalRequestJson,
} from './canonical/canonical-request.util';
export { orderNested } from './canonical/canonical-order.util';
export { pythonJsonDumps } from './canonical/python-json.util';

// Zip names.
export { DownloadTimestampClock, formatDownloadTimestamp } from './file-names/download-timestamp.util';
export type { TimeSource } from './file-names/download-timestamp.util';
export { awardZipFileName, DOWNLOAD_TIMESTAMP_PATTERN } from './file-names/award-zip-name.util';

// Column-name check.
export {
  assertKnownColumns,
  findUnknownColumns,
  NAMING_CONFLICT_SUFFIX,
  unknownColumnsError,
} from './columns/unknown-columns.util';
