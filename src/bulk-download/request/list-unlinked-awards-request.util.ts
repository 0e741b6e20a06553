import { ApiError, ApiErrorCode } from '../../common/api-error';
import { requireObjectBody } from '../../awards-download/request/request-body.util';
import { pythonStr } from '../../download-request/tinyshield/python-repr.util';

/**
 * POST /api/v2/bulk_download/list_unlinked_awards_files/ body: `toptier_code` is required and compared as text,
 * exactly (a number as its decimal string, anything else as Python's `str()` renders it).
 */
export function parseListUnlinkedAwardsRequest(body: unknown): { toptierCode: string } {
  const request = body === undefined || body === '' ? {} : requireObjectBody(body);
  const code = request.toptier_code;
  if (code === undefined || code === null) {
    throw new ApiError(
      ApiErrorCode.InvalidParameter,
      'Missing one or more required body parameters: toptier_code',
    );
  }
  return { toptierCode: pythonStr(code) };
}

/** 400 `Agency not found given the toptier code: <code>`. */
export function unlinkedAgencyNotFound(toptierCode: string): ApiError {
  return new ApiError(
    ApiErrorCode.InvalidParameter,
    `Agency not found given the toptier code: ${toptierCode}`,
  );
}
