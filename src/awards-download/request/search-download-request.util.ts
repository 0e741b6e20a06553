import { finishedAwardFields, validateAwardRequestBody } from './award-download-request.util';
import { canonicalizeDownloadRequest } from '../../download-request/canonical/canonical-request.util';
import { requireObjectBody } from './request-body.util';
import { SearchDownloadRequest } from './search-download-request.types';
import {
  checkSpendingLevelShape,
  ECHOED_SPENDING_LEVEL,
  spendingLevelDownloadTypes,
} from './spending-level.util';

/**
 * Turns the body of POST /api/v2/download/search/ into its canonical `download_request`: the `/download/awards`
 * validation (same filters, order and messages), then `spending_level` → `download_types`. The level check runs
 * after the other rules, so a bad `limit` is reported before a bad level, as in the reference.
 */
export function normalizeSearchDownloadRequest(body: unknown): SearchDownloadRequest {
  const validated = validateAwardRequestBody(body, undefined, checkSpendingLevelShape);
  return canonicalizeDownloadRequest<SearchDownloadRequest>({
    ...finishedAwardFields(validated),
    download_types: spendingLevelDownloadTypes(requireObjectBody(body)),
    request_type: 'search',
    spending_level: ECHOED_SPENDING_LEVEL,
  });
}
