import { ApiError, ApiErrorCode } from '../../common/api-error';
import { plainColumnName } from '../../catalog/column-name.util';
import { pythonRepr } from '../tinyshield/python-repr.util';

/**
 * The requested columns that none of the given sources knows, in request order (each reported once). `validNames`
 * holds one list per file the download produces, spelled either way.
 */
export function findUnknownColumns(
  requested: readonly string[],
  validNames: readonly (readonly string[])[],
): string[] {
  const known = new Set(validNames.flatMap((names) => names.map(plainColumnName)));
  const unknown = requested.filter((name) => !known.has(plainColumnName(name)));
  return [...new Set(unknown)];
}

/** 400 `Unknown columns: ['a', 'b']` (Python list rendering, request order). */
export function unknownColumnsError(unknown: readonly string[]): ApiError {
  return new ApiError(ApiErrorCode.InvalidParameter, `Unknown columns: ${pythonRepr(unknown)}`);
}

/**
 * Rejects a request naming columns no produced file has — at request time, instead of the reference's failure
 * during generation (docs/compatibility.md#where-we-depart policy). A request without `columns` means "all columns" and always passes.
 */
export function assertKnownColumns(
  requested: readonly string[] | undefined,
  validNames: readonly (readonly string[])[],
): void {
  if (requested === undefined) return;
  const unknown = findUnknownColumns(requested, validNames);
  if (unknown.length > 0) throw unknownColumnsError(unknown);
}
