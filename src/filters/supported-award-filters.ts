import { ApiError, ApiErrorCode } from '../common/api-error';

/** Every award filter awardFilterConditions() applies; the validator may accept more (seeds, reference). */
const APPLIED_FILTERS: ReadonlySet<string> = new Set([
  'keywords',
  'transaction_keyword_search',
  'time_period',
  'agencies',
  'award_type_codes',
  'award_ids',
  'award_amounts',
  'recipient_search_text',
  'recipient_scope',
  'recipient_locations',
  'recipient_type_names',
  'place_of_performance_scope',
  'place_of_performance_locations',
  'naics_codes',
  'psc_codes',
  'contract_pricing_type_codes',
  'set_aside_type_codes',
  'extent_competed_type_codes',
  'program_numbers',
  'tas_codes',
  'treasury_account_components',
  'def_codes',
  'federal_account_ids',
  'object_class_ids',
  'program_activity_ids',
  'description',
  'award_unique_id',
  'prime_and_sub_award_types',
]);

/**
 * The reference silently ignores filters it cannot apply; we refuse them, so a client never gets a
 * larger file than it asked for without knowing.
 */
export function assertFiltersApplicable(filters: object): void {
  const unsupported = Object.keys(filters).filter((name) => !APPLIED_FILTERS.has(name));
  if (unsupported.length > 0) {
    const names = unsupported.map((name) => `'${name}'`).join(', ');
    throw new ApiError(
      ApiErrorCode.InvalidParameter,
      `This service cannot apply the filter${unsupported.length > 1 ? 's' : ''} ${names}; remove ${unsupported.length > 1 ? 'them' : 'it'} from the request.`,
    );
  }
}
