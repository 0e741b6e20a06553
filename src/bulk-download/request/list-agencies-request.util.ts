import { ApiError, ApiErrorCode } from '../../common/api-error';
import { requireObjectBody } from '../../awards-download/request/request-body.util';
import { parsePythonInt, pythonTruthy } from '../../download-request/tinyshield/python-coerce.util';
import { invalidTypeError } from '../../download-request/tinyshield/tinyshield-messages.util';

/** The two agency pick-lists of the download center (docs/compatibility.md#agency-pick-lists). */
export const LIST_AGENCIES_TYPES = ['account_agencies', 'award_agencies'] as const;

export type ListAgenciesType = (typeof LIST_AGENCIES_TYPES)[number];

export interface ListAgenciesRequest {
  readonly type: ListAgenciesType;
  /** A toptier_agency_id: list its sub-agencies instead of the agencies. */
  readonly agency?: number;
}

/**
 * POST /api/v2/bulk_download/list_agencies/ body (docs/compatibility.md#agency-pick-lists). An empty body reads as `{}`; a falsy `agency`
 * (absent, null, 0, "") means "no agency". A non-numeric agency crashes the reference; here it is a 400.
 */
export function parseListAgenciesRequest(body: unknown): ListAgenciesRequest {
  const request = body === undefined || body === '' ? {} : requireObjectBody(body);
  const type = request.type;
  if (!(LIST_AGENCIES_TYPES as readonly unknown[]).includes(type)) {
    throw new ApiError(
      ApiErrorCode.InvalidParameter,
      "type must be one of: ('account_agencies', 'award_agencies')",
    );
  }
  if (!pythonTruthy(request.agency)) return { type: type as ListAgenciesType };
  const agency = parsePythonInt(request.agency);
  if (agency === undefined) throw invalidTypeError('agency', request.agency, 'integer');
  return { type: type as ListAgenciesType, agency: Number(agency) };
}
