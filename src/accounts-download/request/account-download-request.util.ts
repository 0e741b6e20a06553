import { ApiError, ApiErrorCode } from '../../common/api-error';
import {
  readLowerCaseFileFormat,
  requireObjectBody,
  truthyColumns,
} from '../../awards-download/request/request-body.util';
import { canonicalizeDownloadRequest } from '../../download-request/canonical/canonical-request.util';
import { compareCodePoints } from '../../download-request/canonical/python-compare.util';
import { isJsonObject } from '../../download-request/tinyshield/python-coerce.util';
import { ruleContext } from '../../download-request/contract/request-field.decorator';
import { validateContract } from '../../download-request/contract/typed-request.util';
import { AccountDownloadBody } from './account-download.contract';
import {
  AccountDownloadRequest,
  AccountFilters,
  BolsteredPeriod,
  CheckedAccountRequest,
} from './account-download-request.types';
import { SEED_SUBMISSION_TYPE_ALIASES } from './account-download-type.constants';

/**
 * Steps 1–2 of docs/compatibility.md#account-downloads for POST /api/v2/download/accounts/: body checks, the seed's spellings rewritten, then
 * the validator (presence, then values in rule order). Throws the reference's `ApiError`s.
 */
export function validateAccountDownloadRequest(
  body: unknown,
  defCodes: readonly string[],
): AccountDownloadBody {
  const request = requireObjectBody(body);
  const fileFormat = readLowerCaseFileFormat(request);
  return validateContract(AccountDownloadBody, ruleContext({ defCodes }), {
    ...(Object.hasOwn(request, 'account_level') ? { account_level: request.account_level } : {}),
    filters: rewriteSeedFilters(request.filters),
    ...truthyColumns(request),
    file_format: fileFormat,
  });
}

/**
 * The seed's forms (docs/compatibility.md#where-we-depart): `agency` as a JSON integer (a database id) and `program_activity_object_class`
 * as the File B type. Anything else is left for the validator to judge.
 */
function rewriteSeedFilters(filters: unknown): unknown {
  if (!isJsonObject(filters)) return filters;
  const rewritten: Record<string, unknown> = { ...filters };
  if (Number.isSafeInteger(filters.agency)) rewritten.agency = String(filters.agency);
  const alias = (value: unknown): unknown =>
    typeof value === 'string' ? (SEED_SUBMISSION_TYPE_ALIASES[value] ?? value) : value;
  if (Object.hasOwn(filters, 'submission_type')) rewritten.submission_type = alias(filters.submission_type);
  if (Array.isArray(filters.submission_types))
    rewritten.submission_types = filters.submission_types.map(alias);
  return rewritten;
}

/** Steps 4–5 of docs/compatibility.md#account-downloads (after the agency lookup): exactly one of quarter/period, at least one type. */
export function checkAccountRequestShape(validated: AccountDownloadBody): CheckedAccountRequest {
  const { filters } = validated;
  const quarter = filters.quarter ?? null;
  const period = filters.period ?? null;
  if (quarter === null && period === null)
    throw new ApiError(ApiErrorCode.InvalidParameter, "Either 'period' or 'quarter' is required in filters.");
  if (quarter !== null && period !== null) {
    throw new ApiError(
      ApiErrorCode.InvalidParameter,
      "Supply either 'period' or 'quarter' in filters but not both.",
    );
  }
  const legacy = filters.submission_type;
  const types = filters.submission_types;
  if (!types && !legacy)
    throw new ApiError(ApiErrorCode.InvalidParameter, 'Missing required filter: submission_types');
  const submissionTypes = [...new Set(types ?? (legacy ? [legacy] : []))].sort(compareCodePoints);
  return {
    accountLevel: validated.account_level,
    // Duplicate names would give a file two identical columns; the first occurrence keeps its place.
    ...(validated.columns ? { columns: [...new Set(validated.columns)] } : {}),
    fileFormat: validated.file_format,
    filters: {
      agency: filters.agency,
      budget_function: filters.budget_function,
      budget_subfunction: filters.budget_subfunction,
      ...(filters.def_codes ? { def_codes: filters.def_codes } : {}),
      federal_account: filters.federal_account,
      fy: filters.fy,
      // The reference keeps the legacy key only when the new one won over it.
      ...(types && legacy ? { submission_type: legacy } : {}),
    },
    quarter,
    period,
    submissionTypes,
  };
}

/** The canonical `download_request` (docs/compatibility.md#account-downloads, #canonical-download-request) once the missing half of quarter/period is known. */
export function finishAccountDownloadRequest(
  checked: CheckedAccountRequest,
  bolstered: BolsteredPeriod,
): AccountDownloadRequest {
  const filters: AccountFilters = {
    ...checked.filters,
    quarter: checked.quarter ?? bolstered.quarter,
    period: checked.period ?? bolstered.period,
    submission_types: checked.submissionTypes,
  };
  const request: AccountDownloadRequest = {
    account_level: checked.accountLevel,
    ...(checked.columns ? { columns: checked.columns } : {}),
    download_types: checked.submissionTypes,
    file_format: checked.fileFormat,
    filters,
    request_type: 'account',
  };
  return canonicalizeDownloadRequest(request);
}
