import { FieldRule } from '../tinyshield/tinyshield-rule.types';

/** `file_format` values (api.md §1.10): pstxt is pipe-delimited `.txt` files. */
export const FILE_FORMATS = ['csv', 'tsv', 'pstxt'] as const;

export type FileFormat = (typeof FILE_FORMATS)[number];

/** Default and maximum rows per file of row-limited downloads (api.md §3.1, generation.md §11.1). */
export const MAX_DOWNLOAD_LIMIT = 500_000;

/**
 * `limit`: an integer (integer-like strings accepted) from 1 to `max`, default `max`. The reference declares a
 * minimum of 0, which its validator ignores, so 0 and negatives pass there; here they are a 422
 * (`Field 'limit' value '0' is below min '1'`) — README §1 policy.
 */
export function limitRule(max: number = MAX_DOWNLOAD_LIMIT): FieldRule {
  return { key: 'limit', type: 'integer', min: 1, max, default: max };
}

/** `download_types` as the endpoint sets them; validated like the reference does, though never client-supplied. */
export function downloadTypesRule(values: readonly string[]): FieldRule {
  return { key: 'download_types', type: 'array', items: { type: 'enum', values } };
}

/** `columns`: 1..5000 non-empty texts, trimmed; the declared minimum of 0 still means 1 (api.md §1.10). */
export const COLUMNS_RULE: FieldRule = { key: 'columns', type: 'array', items: { type: 'text' }, min: 0 };

/** `file_format`, already lower-cased by the caller where the endpoint is case-insensitive. */
export const FILE_FORMAT_RULE: FieldRule = {
  key: 'file_format',
  type: 'enum',
  values: FILE_FORMATS,
  default: 'csv',
};
