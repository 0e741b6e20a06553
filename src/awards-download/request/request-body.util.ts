import { ApiError, ApiErrorCode } from '../../common/api-error';
import { isJsonObject, pythonTruthy } from '../../download-request/tinyshield/python-coerce.util';
import { outsideValidValuesError } from '../../download-request/tinyshield/tinyshield-messages.util';
import { FILE_FORMATS } from './download-common.rules';

/**
 * Checks that run before the validator on every download POST. Where the reference crashes (500) on these inputs,
 * we answer 400 with a plain sentence (docs/compatibility.md#where-we-depart policy).
 */

/** A body that is a JSON array, null or a scalar (the reference: 500). */
export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (!isJsonObject(body))
    throw new ApiError(ApiErrorCode.InvalidParameter, 'The request body must be a JSON object.');
  return body;
}

/**
 * `file_format` lower-cased (awards, transactions, bulk, accounts are case-insensitive); absent means `csv`. A
 * non-string (`null`, `123`) crashes the reference; here it gets the same 400 as any other unsupported format.
 */
export function readLowerCaseFileFormat(body: Record<string, unknown>): string {
  if (!Object.hasOwn(body, 'file_format')) return 'csv';
  const value = body.file_format;
  if (typeof value !== 'string') throw outsideValidValuesError('file_format', FILE_FORMATS);
  return value.toLowerCase();
}

/** `filters` must be a JSON object: 400 `Filters parameter not provided as a dict` (missing, null, list, ...). */
export function requireFiltersObject(body: Record<string, unknown>): Record<string, unknown> {
  const filters = body.filters;
  if (!isJsonObject(filters)) {
    throw new ApiError(ApiErrorCode.InvalidParameter, 'Filters parameter not provided as a dict');
  }
  return filters;
}

/** Row-limited downloads need at least one key in `filters` (any key counts, even an unknown one). */
export function requireNonEmptyFilters(filters: Record<string, unknown>): void {
  if (Object.keys(filters).length === 0) {
    throw new ApiError(ApiErrorCode.InvalidParameter, 'At least one filter is required.');
  }
}

/**
 * `columns` as the reference takes them: only a truthy value is validated; absent, null, `[]`, `""`, `{}` mean
 * "all columns" and leave the key out of `download_request`.
 */
export function truthyColumns(body: Record<string, unknown>): { columns?: unknown } {
  return pythonTruthy(body.columns) ? { columns: body.columns } : {};
}
