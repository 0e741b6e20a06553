import { ApiError, ApiErrorCode } from '../../common/api-error';
import { requireObjectBody } from '../../awards-download/request/request-body.util';
import { pythonStr } from '../../download-request/tinyshield/python-repr.util';
import { ListUnlinkedAwardsFilesBody } from './bulk-listing.contracts';
import { requireRouteFields } from './required-route-fields.util';

/**
 * POST /api/v2/bulk_download/list_unlinked_awards_files/ body: `toptier_code` is required and compared as text,
 * exactly (a number as its decimal string, anything else as Python's `str()` renders it).
 */
export function parseListUnlinkedAwardsRequest(body: unknown): { toptierCode: string } {
  const request = body === undefined || body === '' ? {} : requireObjectBody(body);
  requireRouteFields(ListUnlinkedAwardsFilesBody, request);
  return { toptierCode: pythonStr(request.toptier_code) };
}

/** 400 `Agency not found given the toptier code: <code>`. */
export function unlinkedAgencyNotFound(toptierCode: string): ApiError {
  return new ApiError(
    ApiErrorCode.InvalidParameter,
    `Agency not found given the toptier code: ${toptierCode}`,
  );
}
