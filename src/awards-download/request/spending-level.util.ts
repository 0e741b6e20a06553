import { ApiError, ApiErrorCode } from '../../common/api-error';
import { belowMinError, invalidTypeError } from '../../download-request/tinyshield/tinyshield-messages.util';
import { SearchDownloadType } from './search-download-request.types';

/** What `download_request.spending_level` always says (the reference echoes its default, sorted). */
export const ECHOED_SPENDING_LEVEL = ['awards', 'subawards', 'transactions'] as const;

/** The reference's default when the key is absent. */
const DEFAULT_SPENDING_LEVEL = ['awards', 'transactions', 'subawards'];

const DOWNLOAD_TYPE_OF: Readonly<Record<string, SearchDownloadType>> = {
  awards: 'elasticsearch_awards',
  subawards: 'elasticsearch_sub_awards',
  transactions: 'elasticsearch_transactions',
};

export const SPENDING_LEVEL_MESSAGE =
  'Invalid parameter: spending_level must be "awards", "subawards", or "transactions"';

/**
 * The checks of the validator's own `spending_level` rule, first of its rules: an array of at least one
 * element. The reference iterates whatever it gets (a string character by character, crashing on null);
 * here those are the usual type and size errors.
 */
export function checkSpendingLevelShape(body: Record<string, unknown>): void {
  if (!Object.hasOwn(body, 'spending_level')) return;
  const value = body.spending_level;
  if (!Array.isArray(value)) throw invalidTypeError('spending_level', value, 'array');
  if (value.length === 0) throw belowMinError('spending_level', '[]', '1', true);
}

/**
 * `spending_level` → `download_types`, after the other rules passed: each element, case-insensitively, is one
 * of the three levels (else the reference's 400), mapped to its download type; repeated levels count once.
 * The reference keeps the client's spelling (`elasticsearch_Awards`, a type that then fails) and duplicates.
 */
export function spendingLevelDownloadTypes(body: Record<string, unknown>): SearchDownloadType[] {
  const levels: unknown[] = Object.hasOwn(body, 'spending_level')
    ? (body.spending_level as unknown[])
    : DEFAULT_SPENDING_LEVEL;
  const types = levels.map((level) => {
    const type = typeof level === 'string' ? DOWNLOAD_TYPE_OF[level.toLowerCase()] : undefined;
    if (!type) throw new ApiError(ApiErrorCode.InvalidParameter, SPENDING_LEVEL_MESSAGE);
    return type;
  });
  return [...new Set(types)];
}
