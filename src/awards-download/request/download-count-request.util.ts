import { awardFilterNames } from '../../filters/award-filter.rules';
import { ruleContext, rulesOf } from '../../download-request/contract/request-field.decorator';
import { DownloadCountBody } from './award-download.contract';
import { typedRequest } from '../../download-request/contract/typed-request.util';
import {
  foldKeywordAliases,
  rewriteLegacyKeyword,
  rewriteSeedFilterSpellings,
} from '../../filters/legacy-filter-rewrite.util';
import { canonicalOrder } from '../../download-request/canonical/canonical-request.util';
import { pythonSetRepr } from '../../download-request/tinyshield/python-repr.util';
import { FieldRule } from '../../download-request/tinyshield/tinyshield-rule.types';
import { validateRequest } from '../../download-request/tinyshield/tinyshield.util';
import { DownloadCountRequest, NormalizedCountRequest } from './award-download-request.types';
import { requireFiltersObject, requireObjectBody } from './request-body.util';

/** The count's own fields come before the filters, as in the reference (docs/compatibility.md#count). */
const RULES: readonly FieldRule[] = rulesOf(DownloadCountBody, ruleContext({ recipientId: true }));

/** Names that are used even though no rule has them: the legacy keyword is rewritten into `keywords`. */
const KNOWN_FILTER_NAMES: ReadonlySet<string> = new Set([
  ...awardFilterNames({ recipientId: true }),
  'keyword',
]);

/**
 * Validates the body of POST /api/v2/download/count/. Unlike the download routes, `filters: {}` is valid (count
 * everything) and `award_type_codes` gets no default. A missing or non-object `filters` is a 400 here (the
 * reference crashes). The seed/legacy spellings are rewritten exactly as for downloads, so that a count matches the
 * download the same filters would produce.
 */
export function normalizeDownloadCountRequest(body: unknown): NormalizedCountRequest {
  const request = requireObjectBody(body);
  const sentFilters = requireFiltersObject(request);
  const filters = rewriteSeedFilterSpellings(rewriteLegacyKeyword(sentFilters));
  const validated = typedRequest(DownloadCountBody, validateRequest(RULES, { ...request, filters }));
  const countRequest: DownloadCountRequest = {
    // `filters: {}` validates to no filters at all: count everything.
    filters: canonicalOrder(foldKeywordAliases({ ...validated.filters })),
    spending_level: validated.spending_level,
    subawards: validated.subawards,
  };
  return {
    request: countRequest,
    unusedFilters: Object.keys(sentFilters).filter((name) => !KNOWN_FILTER_NAMES.has(name)),
  };
}

/**
 * The count response's note about ignored filters (docs/compatibility.md#count), with Python's set rendering; undefined when every
 * filter was used.
 */
export function unusedFiltersMessage(unusedFilters: readonly string[]): string | undefined {
  if (unusedFilters.length === 0) return undefined;
  return (
    `The following filters from the request were not used: ${pythonSetRepr(unusedFilters)}. ` +
    'See https://api.usaspending.gov/docs/endpoints for a list of appropriate filters'
  );
}
