import { FILE_FORMATS, MAX_DOWNLOAD_LIMIT } from '../../awards-download/request/download-common.rules';
import { MemberRule } from '../tinyshield/tinyshield-rule.types';

/** `columns`: 1..5000 non-empty texts, trimmed; the declared minimum of 0 still means 1. */
export const COLUMNS_FIELD: MemberRule = { type: 'array', items: { type: 'text' }, min: 0 };

/** `file_format`, already lower-cased by the caller where the route is case-insensitive. */
export const FILE_FORMAT_FIELD: MemberRule = { type: 'enum', values: FILE_FORMATS, default: 'csv' };

/**
 * `limit`: an integer (integer-like strings accepted) from 1 to `max`, default `max`. The reference declares a
 * minimum of 0, which its validator ignores, so 0 and negatives pass there; here they are a 422.
 */
export const limitField = (max: number = MAX_DOWNLOAD_LIMIT): MemberRule => ({
  type: 'integer',
  min: 1,
  max,
  default: max,
});

export const COLUMNS_DESCRIPTION =
  'Columns to include, by their file header names, in this order (default: every column of each file).';
export const FILE_FORMAT_DESCRIPTION = 'csv (comma), tsv (tab) or pstxt (pipe-delimited .txt)';
