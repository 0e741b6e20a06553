import {
  readLowerCaseFileFormat,
  requireObjectBody,
  truthyColumns,
} from '../../awards-download/request/request-body.util';
import {
  CONTRACT_CODES,
  DIRECT_PAYMENT_CODES,
  GRANT_CODES,
  IDV_CODES,
  LOAN_CODES,
  OTHER_FINANCIAL_ASSISTANCE_CODES,
} from '../../download-request/award-types/award-type-codes.constants';
import { canonicalizeDownloadRequest } from '../../download-request/canonical/canonical-request.util';
import { ruleContext } from '../../download-request/contract/request-field.decorator';
import { validateContract } from '../../download-request/contract/typed-request.util';
import { DisasterRecipientBody } from './disaster.contract';
import { AwardCategory, DisasterRecipientRequest } from './disaster-request.types';

const DEFAULT_COLUMNS = ['recipient', 'award_obligations', 'award_outlays', 'number_of_awards'];
const LOAN_COLUMNS = [
  'recipient',
  'award_obligations',
  'award_outlays',
  'face_value_of_loans',
  'number_of_awards',
];

/** The first category whose codes contain every requested code; mixed or absent → `All-Awards`. */
const CATEGORIES: readonly [AwardCategory, readonly string[]][] = [
  ['Contracts', CONTRACT_CODES],
  ['Contract-IDVs', IDV_CODES],
  ['Grants', GRANT_CODES],
  ['Loans', LOAN_CODES],
  ['Direct-Payments', DIRECT_PAYMENT_CODES],
  ['Other-Financial-Assistance', OTHER_FINANCIAL_ASSISTANCE_CODES],
];

export function awardCategoryOf(codes: readonly string[] | undefined): AwardCategory {
  if (!codes) return 'All-Awards';
  return CATEGORIES.find(([, group]) => codes.every((code) => group.includes(code)))?.[0] ?? 'All-Awards';
}

/**
 * Validates POST /api/v2/download/disaster/recipients/ into its canonical `download_request`: `def_codes`
 * (required, any DEFC), an optional recipient-name `query` and `award_type_codes` (the enum message lists
 * them sorted); every other filter is dropped. Without `columns` the category's default columns apply.
 */
export function normalizeDisasterRecipientRequest(
  body: unknown,
  defCodes: readonly string[],
): DisasterRecipientRequest {
  const request = requireObjectBody(body);
  const fileFormat = readLowerCaseFileFormat(request);
  const validated = validateContract(DisasterRecipientBody, ruleContext({ defCodes }), {
    filters: request.filters,
    ...truthyColumns(request),
    file_format: fileFormat,
  });
  const { filters } = validated;
  const category = awardCategoryOf(filters.award_type_codes);
  const columns = validated.columns
    ? [...new Set(validated.columns)]
    : category === 'Loans'
      ? LOAN_COLUMNS
      : DEFAULT_COLUMNS;
  const normalized: DisasterRecipientRequest = {
    award_category: category,
    columns,
    download_types: ['disaster_recipient'],
    file_format: validated.file_format,
    filters: {
      ...(filters.award_type_codes ? { award_type_codes: filters.award_type_codes } : {}),
      def_codes: filters.def_codes,
      ...(filters.query !== undefined ? { query: { fields: ['recipient_name'], text: filters.query } } : {}),
    },
    request_type: 'disaster_recipient',
  };
  return canonicalizeDownloadRequest(normalized);
}
