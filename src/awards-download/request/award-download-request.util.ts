import { AwardFilters } from '../../filters/award-filter.types';
import { AwardFilterContract } from '../../filters/award-filters.contract';
import {
  foldKeywordAliases,
  rewriteLegacyKeyword,
  rewriteSeedFilterSpellings,
} from '../../filters/legacy-filter-rewrite.util';
import {
  AWARDS_ENDPOINT_DOWNLOAD_TYPES,
  AwardDownloadType,
  TRANSACTIONS_ENDPOINT_DOWNLOAD_TYPES,
} from '../../download-request/award-types/award-download-type.constants';
import { AWARD_TYPE_CODES } from '../../download-request/award-types/award-type-codes.constants';
import { canonicalizeDownloadRequest } from '../../download-request/canonical/canonical-request.util';
import { ruleContext, rulesOf } from '../../download-request/contract/request-field.decorator';
import { typedRequest } from '../../download-request/contract/typed-request.util';
import { validateRequest } from '../../download-request/tinyshield/tinyshield.util';
import { AwardDownloadEndpoint, AwardDownloadRequest } from './award-download-request.types';
import { AwardDownloadBody } from './award-download.contract';
import { FileFormat } from './download-common.rules';
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

/** Rule order decides which error a request with several problems gets: the contract's declaration order. */
const RULES = rulesOf(AwardDownloadBody, ruleContext());

/**
 * Turns the body of POST /api/v2/download/awards/ or /transactions/ into its canonical `download_request`
 * (docs/compatibility.md#row-limited-award-downloads, #canonical-download-request), or throws the `ApiError` the reference answers with. Steps, in the reference's order:
 * body and `file_format` checks, `filters` must be a non-empty object, legacy rewrites, default
 * `award_type_codes`, validation, keyword aliases folded, canonical ordering. Client `award_levels` /
 * `download_types` are ignored: the endpoint decides them.
 */
export function normalizeAwardDownloadRequest(
  body: unknown,
  endpoint: AwardDownloadEndpoint,
): AwardDownloadRequest {
  const validated = validateAwardRequestBody(body, [...ENDPOINT_DOWNLOAD_TYPES[endpoint]]);
  return canonicalizeDownloadRequest<AwardDownloadRequest>({
    ...finishedAwardFields(validated),
    download_types: validated.download_types ?? [],
    request_type: 'award',
  });
}

/**
 * The validation every Advanced Search download shares (awards, transactions, search): one path, so the
 * three routes accept and reject exactly the same filters. `beforeRules` runs after the `filters` checks
 * and before the rules — where a route's own first rule sits (search's `spending_level`). Without
 * `downloadTypes` the output has none (search derives them afterwards, as the reference does).
 */
export function validateAwardRequestBody(
  body: unknown,
  downloadTypes: readonly AwardDownloadType[] | undefined,
  beforeRules: (request: Record<string, unknown>) => void = () => undefined,
): AwardDownloadBody {
  const request = requireObjectBody(body);
  const fileFormat = readLowerCaseFileFormat(request);
  const sentFilters = requireFiltersObject(request);
  requireNonEmptyFilters(sentFilters);

  const filters = rewriteSeedFilterSpellings(rewriteLegacyKeyword(sentFilters));
  if (!Object.hasOwn(filters, 'award_type_codes')) filters.award_type_codes = [...AWARD_TYPE_CODES];
  beforeRules(request);

  const validated = validateRequest(RULES, {
    filters,
    // An explicit null limit stays null (a 400), as in the reference; `{}` reads as absent → default.
    ...(Object.hasOwn(request, 'limit') ? { limit: request.limit } : {}),
    ...(downloadTypes ? { download_types: [...downloadTypes] } : {}),
    ...truthyColumns(request),
    file_format: fileFormat,
  });
  return typedRequest(AwardDownloadBody, validated);
}

/** The fields every Advanced Search download request has, before its download types and request type. */
export interface FinishedAwardFields {
  readonly columns?: readonly string[];
  readonly file_format: FileFormat;
  readonly filters: AwardFilters & { readonly award_type_codes: readonly string[] };
  readonly limit: number;
}

/** Keyword aliases folded and columns de-duplicated (canonical order is applied with the rest). */
export function finishedAwardFields(validated: AwardDownloadBody): FinishedAwardFields {
  return {
    // Duplicate names would give a file two identical columns; keep the first occurrence (order is significant).
    ...(validated.columns ? { columns: [...new Set(validated.columns)] } : {}),
    file_format: validated.file_format,
    filters: foldedKeywordAliases(validated.filters),
    limit: validated.limit,
  };
}

/**
 * After validation the keyword aliases join `keywords` (values already present are not repeated) and
 * disappear, so the canonical request and the row filter only know one keyword list.
 */
function foldedKeywordAliases(
  filters: AwardFilterContract,
): AwardFilters & { readonly award_type_codes: readonly string[] } {
  // Always present: a request without award types gets every code before validation.
  const award_type_codes = filters.award_type_codes ?? [...AWARD_TYPE_CODES];
  return { ...foldKeywordAliases(filters), award_type_codes };
}
