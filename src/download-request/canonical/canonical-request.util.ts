import { createHash } from 'node:crypto';
import { JsonValue, ValidatedRequest } from '../tinyshield/tinyshield-rule.types';
import { orderNested } from './canonical-order.util';
import { pythonJsonDumps } from './python-json.util';

/**
 * The canonical `download_request` (docs/compatibility.md#canonical-download-request): deep canonical ordering of the validated request, except that
 * `columns` keeps the client's order (it decides the file's column order), at its sorted key position.
 */
export function canonicalizeDownloadRequest<T extends object>(request: T): T {
  const ordered = canonicalOrder(request);
  const columns: unknown = (request as ValidatedRequest).columns;
  if (Array.isArray(columns)) (ordered as ValidatedRequest).columns = [...(columns as JsonValue[])];
  return ordered;
}

/**
 * Deep canonical ordering of a typed value. It moves keys and sorts lists of scalars or objects, so the value
 * keeps its type: the one place a typed request is seen as plain JSON and back.
 */
export function canonicalOrder<T extends object>(value: T): T {
  return orderNested(value as ValidatedRequest) as T;
}

/**
 * The stored form of a canonical request: Python `json.dumps` of it. Identical requests (up to key order and the
 * order of scalar lists) give byte-identical strings; that string is what the same-request cache compares.
 */
export function canonicalRequestJson(canonical: object): string {
  return pythonJsonDumps(canonical as JsonValue);
}

/** A fixed-length cache key for a canonical JSON string: lower-case hex SHA-256 of its UTF-8 bytes. */
export function canonicalRequestHash(canonicalJson: string): string {
  return createHash('sha256').update(canonicalJson, 'utf8').digest('hex');
}
