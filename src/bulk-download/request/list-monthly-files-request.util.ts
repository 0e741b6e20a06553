import { ApiError, ApiErrorCode } from '../../common/api-error';
import { ListMonthlyFilesBody } from './bulk-listing.contracts';
import { requireRouteFields } from './required-route-fields.util';
import { requireObjectBody } from '../../awards-download/request/request-body.util';
import { parsePythonInt } from '../../download-request/tinyshield/python-coerce.util';
import { pythonStr } from '../../download-request/tinyshield/python-repr.util';
import { invalidTypeError } from '../../download-request/tinyshield/tinyshield-messages.util';

export interface ListMonthlyFilesRequest {
  /** `all`, or a toptier_agency_id. */
  readonly agency: 'all' | number;
  /** As sent: echoed in the response and rendered into the file-name prefix like Python's `str()`. */
  readonly fiscalYear: unknown;
  readonly fiscalYearText: string;
  /** As sent (echoed), and capitalized for matching (`contracts` → `Contracts`). */
  readonly type: string;
  readonly fileType: string;
}

/**
 * POST /api/v2/bulk_download/list_monthly_files/ body (docs/compatibility.md#monthly-archives): all three fields required, checked in order;
 * `type` is not checked against an enum (an unknown type matches no files). An agency that is neither `all` nor
 * an id, and a `type` that is not text, crash the reference; here they are 400s.
 */
export function parseListMonthlyFilesRequest(body: unknown): ListMonthlyFilesRequest {
  const request = body === undefined || body === '' ? {} : requireObjectBody(body);
  requireRouteFields(ListMonthlyFilesBody, request);
  const { agency, fiscal_year: fiscalYear, type } = request;
  if (typeof type !== 'string') throw invalidTypeError('type', type, 'text');
  return {
    agency: agency === 'all' ? 'all' : agencyId(agency),
    fiscalYear,
    fiscalYearText: pythonStr(fiscalYear),
    type,
    fileType: pythonCapitalize(type),
  };
}

function agencyId(agency: unknown): number {
  const id = parsePythonInt(agency);
  if (id === undefined) throw agencyNotFound(agency);
  return Number(id);
}

/** 400 `<agency> agency not found` (e.g. `999 agency not found`). */
export function agencyNotFound(agency: unknown): ApiError {
  return new ApiError(ApiErrorCode.InvalidParameter, `${pythonStr(agency)} agency not found`);
}

/** Python's `str.capitalize()`: first character upper case, the rest lower case. */
export function pythonCapitalize(text: string): string {
  const [first = '', ...rest] = Array.from(text);
  return first.toUpperCase() + rest.join('').toLowerCase();
}
