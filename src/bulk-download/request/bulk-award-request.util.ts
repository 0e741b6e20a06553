import { ApiError, ApiErrorCode } from '../../common/api-error';
import { MAX_DOWNLOAD_LIMIT } from '../../awards-download/request/download-common.rules';
import {
  readLowerCaseFileFormat,
  requireFiltersObject,
  requireNonEmptyFilters,
  requireObjectBody,
  truthyColumns,
} from '../../awards-download/request/request-body.util';
import { AgencyFilter } from '../../filters/award-filter.types';
import { rewriteLegacyKeyword, rewriteSeedFilterSpellings } from '../../filters/legacy-filter-rewrite.util';
import { AWARD_TYPE_CODES } from '../../download-request/award-types/award-type-codes.constants';
import { canonicalizeDownloadRequest } from '../../download-request/canonical/canonical-request.util';
import { ruleContext } from '../../download-request/contract/request-field.decorator';
import { validateContract } from '../../download-request/contract/typed-request.util';
import { BulkAwardBody, BulkKeywordRequest } from './bulk-award.contract';
import {
  BulkAwardRequest,
  BulkCustomBase,
  BulkDownloadType,
  BulkRequestDraft,
  BulkRequestOptions,
} from './bulk-award-request.types';
import { assertDateRangeWithin } from './bulk-date-range.util';
import { BulkAwardTypeLists, seedAwardTypeLists } from './bulk-seed-award-types.util';

type Filters = Record<string, unknown>;

/**
 * The body of POST /api/v2/bulk_download/awards/ → a validated draft (docs/compatibility.md#custom-award-data-bulk), or the `ApiError` the reference
 * answers with. Body checks and legacy rewrites as for the row-limited routes (docs/compatibility.md#row-limited-award-downloads steps 1–3, #legacy-keyword-rewrite); then
 * keyword mode when `keyword(s)` is the only filter besides `award_type_codes`, custom mode otherwise. Custom mode
 * accepts the newer form (`prime_award_types` / `sub_award_types`) and seed 001's (`award_levels` + `award_types`).
 */
export function parseBulkAwardRequest(body: unknown, options: BulkRequestOptions): BulkRequestDraft {
  const request = requireObjectBody(body);
  const fileFormat = readLowerCaseFileFormat(request);
  const sentFilters = requireFiltersObject(request);
  requireNonEmptyFilters(sentFilters);
  const filters = rewriteSeedFilterSpellings(rewriteLegacyKeyword(sentFilters));
  if (isKeywordMode(filters))
    return { mode: 'keyword', request: keywordRequest(request, filters, fileFormat) };
  return customDraft(request, filters, fileFormat, options);
}

/** The reference's test, made after defaulting `award_type_codes`: the sorted keys are exactly these two. */
function isKeywordMode(filters: Filters): boolean {
  const keys = new Set([...Object.keys(filters), 'award_type_codes']);
  return keys.size === 2 && keys.has('keywords');
}

function keywordRequest(request: Filters, filters: Filters, fileFormat: string): BulkAwardRequest {
  const validated = validateContract(BulkKeywordRequest, ruleContext(), {
    filters: { transaction_keyword_search: filters.keywords },
    // Missing `award_levels` is an explicit None in the reference, hence a type error rather than a 422.
    download_types: Object.hasOwn(request, 'award_levels') ? request.award_levels : null,
    ...truthyColumns(request),
    file_format: fileFormat,
  });
  return finish({
    ...(validated.columns ? { columns: validated.columns } : {}),
    download_types: ['prime_awards'],
    file_format: validated.file_format,
    filters: {
      award_type_codes: [...AWARD_TYPE_CODES],
      transaction_keyword_search: validated.filters.transaction_keyword_search,
    },
    limit: MAX_DOWNLOAD_LIMIT,
    request_type: 'award',
  });
}

function customDraft(
  request: Filters,
  sent: Filters,
  fileFormat: string,
  options: BulkRequestOptions,
): BulkRequestDraft {
  const seedForm =
    Object.hasOwn(sent, 'award_types') &&
    !Object.hasOwn(sent, 'prime_award_types') &&
    !Object.hasOwn(sent, 'sub_award_types');
  // `agency: "all"` (any case) means no agency filter; it is removed before validation, as in the reference.
  const { agency, ...withoutAgency } = sent;
  const filters = typeof agency === 'string' && agency.toLowerCase() === 'all' ? withoutAgency : sent;
  const validated = validateContract(BulkAwardBody, ruleContext({ today: options.today, seedForm }), {
    filters,
    ...(seedForm && Object.hasOwn(request, 'award_levels') ? { award_levels: request.award_levels } : {}),
    ...truthyColumns(request),
    file_format: fileFormat,
  });
  const valid = validated.filters;
  assertDateRangeWithin(valid.date_range, options.maxDays);
  const types: BulkAwardTypeLists = seedForm
    ? seedAwardTypeLists(validated.award_levels ?? [], valid.award_types ?? [])
    : { prime_award_types: valid.prime_award_types, sub_award_types: valid.sub_award_types };
  if (!types.prime_award_types && !types.sub_award_types) {
    throw new ApiError(
      ApiErrorCode.InvalidParameter,
      'Missing one or more required body parameters: prime_award_types or sub_award_types',
    );
  }
  const subAgency = valid.sub_agency;
  return {
    mode: 'custom',
    agencyId: valid.agency,
    // "All sub-agencies" is no sub-agency filter, like `agency: "all"`.
    subAgency: subAgency && subAgency.toLowerCase() !== 'all' ? subAgency : undefined,
    agencies: valid.agencies,
    base: customBase(validated, types),
  };
}

/** Everything of the custom `download_request` but `agencies`. */
function customBase(validated: BulkAwardBody, types: BulkAwardTypeLists): BulkCustomBase {
  const valid = validated.filters;
  const downloadTypes: BulkDownloadType[] = [
    ...(types.sub_award_types ? ['elasticsearch_sub_awards' as const] : []),
    ...(types.prime_award_types ? ['prime_awards' as const] : []),
  ];
  const range = valid.date_range;
  const filters: BulkCustomBase['filters'] = {
    prime_and_sub_award_types: {
      ...(types.prime_award_types ? { prime_awards: [...types.prime_award_types] } : {}),
      ...(types.sub_award_types ? { elasticsearch_sub_awards: [...types.sub_award_types] } : {}),
    },
    time_period: [{ date_type: valid.date_type, end_date: range.end_date, start_date: range.start_date }],
    // The validated filters that reach the request unchanged.
    ...(valid.keywords !== undefined ? { keywords: valid.keywords } : {}),
    ...(valid.place_of_performance_locations !== undefined
      ? { place_of_performance_locations: valid.place_of_performance_locations }
      : {}),
    ...(valid.place_of_performance_scope !== undefined
      ? { place_of_performance_scope: valid.place_of_performance_scope }
      : {}),
    ...(valid.recipient_locations !== undefined ? { recipient_locations: valid.recipient_locations } : {}),
    ...(valid.recipient_scope !== undefined ? { recipient_scope: valid.recipient_scope } : {}),
  };
  return finish({
    ...(validated.columns !== undefined ? { columns: validated.columns } : {}),
    download_types: downloadTypes,
    file_format: validated.file_format,
    filters,
    request_type: 'award',
  });
}

/**
 * Completes a custom draft once the toptier agency's name is known (docs/compatibility.md#custom-award-data-bulk): a client `agencies` list replaces
 * the `agency` filter, minus entries named `all`; otherwise a numeric `agency` becomes an awarding toptier filter,
 * or an awarding subtier filter within it when `sub_agency` was sent.
 */
export function finishCustomBulkRequest(
  draft: Extract<BulkRequestDraft, { mode: 'custom' }>,
  toptierName: string | undefined,
): BulkAwardRequest {
  let agencies: AgencyFilter[] | undefined;
  if (draft.agencies) agencies = draft.agencies.filter((agency) => agency.name.toLowerCase() !== 'all');
  else if (toptierName !== undefined && draft.subAgency !== undefined)
    agencies = [{ name: draft.subAgency, tier: 'subtier', toptier_name: toptierName, type: 'awarding' }];
  else if (toptierName !== undefined) agencies = [{ name: toptierName, tier: 'toptier', type: 'awarding' }];
  return finish<BulkAwardRequest>({
    ...draft.base,
    filters: { ...draft.base.filters, ...(agencies ? { agencies } : {}) },
  });
}

/** Duplicate columns dropped (first kept: order matters), then canonical order. */
function finish<T extends { readonly columns?: readonly string[] }>(request: T): T {
  return canonicalizeDownloadRequest(
    request.columns ? { ...request, columns: [...new Set(request.columns)] } : request,
  );
}
