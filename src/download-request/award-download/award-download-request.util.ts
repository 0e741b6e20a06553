import { awardFilterRules } from '../award-filters/award-filter.rules';
import {
  foldKeywordAliases,
  rewriteLegacyKeyword,
  rewriteSeedFilterSpellings,
} from '../award-filters/legacy-filter-rewrite.util';
import {
  AWARD_DOWNLOAD_TYPES,
  AWARDS_ENDPOINT_DOWNLOAD_TYPES,
  AwardDownloadType,
  TRANSACTIONS_ENDPOINT_DOWNLOAD_TYPES,
} from '../award-types/award-download-type.constants';
import { AWARD_TYPE_CODES } from '../award-types/award-type-codes.constants';
import { canonicalizeDownloadRequest } from '../canonical/canonical-request.util';
import { JsonValue, ValidatedRequest } from '../tinyshield/tinyshield-rule.types';
import { validateRequest } from '../tinyshield/tinyshield.util';
import { AwardDownloadEndpoint, AwardDownloadRequest } from './award-download-request.types';
import { COLUMNS_RULE, FILE_FORMAT_RULE, downloadTypesRule, limitRule } from './download-common.rules';
import {
  readLowerCaseFileFormat,
  requireFiltersObject,
  requireNonEmptyFilters,
  requireObjectBody,
  truthyColumns,
} from './request-body.util';

const ENDPOINT_DOWNLOAD_TYPES: Readonly<Record<AwardDownloadEndpoint, readonly AwardDownloadType[]>> = {
  awards: AWARDS_ENDPOINT_DOWNLOAD_TYPES,
  transactions: TRANSACTIONS_ENDPOINT_DOWNLOAD_TYPES,
};

/** Rule order decides which error a request with several problems gets (api.md §3.3 step 5). */
const RULES = [
  ...awardFilterRules(),
  limitRule(),
  downloadTypesRule(AWARD_DOWNLOAD_TYPES),
  COLUMNS_RULE,
  FILE_FORMAT_RULE,
];

/**
 * Turns the body of POST /api/v2/download/awards/ or /transactions/ into its canonical `download_request`
 * (api.md §3.3, §1.4), or throws the `ApiError` the reference answers with. Steps, in the reference's order:
 * body and `file_format` checks, `filters` must be a non-empty object, legacy rewrites, default
 * `award_type_codes`, validation, keyword aliases folded, canonical ordering. Client `award_levels` /
 * `download_types` are ignored: the endpoint decides them.
 */
export function normalizeAwardDownloadRequest(
  body: unknown,
  endpoint: AwardDownloadEndpoint,
): AwardDownloadRequest {
  const request = requireObjectBody(body);
  const fileFormat = readLowerCaseFileFormat(request);
  const sentFilters = requireFiltersObject(request);
  requireNonEmptyFilters(sentFilters);

  const filters = rewriteSeedFilterSpellings(rewriteLegacyKeyword(sentFilters));
  if (!Object.hasOwn(filters, 'award_type_codes')) filters.award_type_codes = [...AWARD_TYPE_CODES];

  const validated = validateRequest(RULES, {
    filters,
    // An explicit null limit stays null (a 400), as in the reference; `{}` reads as absent → default.
    ...(Object.hasOwn(request, 'limit') ? { limit: request.limit } : {}),
    download_types: [...ENDPOINT_DOWNLOAD_TYPES[endpoint]],
    ...truthyColumns(request),
    file_format: fileFormat,
  });
  return finishAwardRequest(validated) as unknown as AwardDownloadRequest;
}

function finishAwardRequest(validated: ValidatedRequest): ValidatedRequest {
  const finished: ValidatedRequest = {
    ...validated,
    filters: foldKeywordAliases(validated.filters as { [name: string]: JsonValue }),
    request_type: 'award',
  };
  // Duplicate names would give a file two identical columns; keep the first occurrence (order is significant).
  if (Array.isArray(validated.columns)) finished.columns = [...new Set(validated.columns)];
  return canonicalizeDownloadRequest(finished);
}
