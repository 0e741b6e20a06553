import { COLUMNS_RULE, FILE_FORMAT_RULE } from '../award-download/download-common.rules';
import { FieldRule } from '../tinyshield/tinyshield-rule.types';
import { ACCOUNT_LEVELS, ACCOUNT_SUBMISSION_TYPES } from './account-download-type.constants';

/**
 * The validator rules of POST /api/v2/download/accounts/ in the reference's order (api.md §5.2 step 2): the order
 * decides which error a request with several problems gets. `defCodes` are the codes of the
 * disaster_emergency_fund_code table, sorted (the enum message lists them all).
 */
export function accountDownloadRules(defCodes: readonly string[]): FieldRule[] {
  return [
    // Not required, yet a missing level is the enum's 400 rather than a 422: the default null fails the enum.
    { key: 'account_level', type: 'enum', values: ACCOUNT_LEVELS, default: null },
    { key: 'filters|fy', type: 'integer', min: 1, max: 9999, required: true },
    { key: 'filters|quarter', type: 'integer', min: 1, max: 4 },
    { key: 'filters|period', type: 'integer', min: 2, max: 12 },
    { key: 'filters|submission_type', type: 'enum', values: ACCOUNT_SUBMISSION_TYPES },
    {
      key: 'filters|submission_types',
      type: 'array',
      items: { type: 'enum', values: ACCOUNT_SUBMISSION_TYPES },
    },
    { key: 'filters|agency', type: 'text', default: 'all' },
    { key: 'filters|def_codes', type: 'array', items: { type: 'enum', values: defCodes } },
    { key: 'filters|federal_account', type: 'text', default: 'all' },
    { key: 'filters|budget_function', type: 'text', default: 'all' },
    { key: 'filters|budget_subfunction', type: 'text', default: 'all' },
    COLUMNS_RULE,
    FILE_FORMAT_RULE,
  ];
}
