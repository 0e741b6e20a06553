import { ApiError, ApiErrorCode } from '../../common/api-error';
import { FILE_FORMATS } from '../../awards-download/request/download-common.rules';
import { requireObjectBody } from '../../awards-download/request/request-body.util';
import {
  ASSISTANCE_CODES,
  CONTRACT_CODES,
  PROCUREMENT_CODES,
} from '../../download-request/award-types/award-type-codes.constants';
import { canonicalizeDownloadRequest } from '../../download-request/canonical/canonical-request.util';
import { outsideValidValuesError } from '../../download-request/tinyshield/tinyshield-messages.util';
import { ruleContext } from '../../download-request/contract/request-field.decorator';
import { validateContract } from '../../download-request/contract/typed-request.util';
import { AwardPageBody } from './award-page.contract';
import {
  AssistanceDownloadRequest,
  AwardPageAward,
  AwardPageDownloadRequest,
  AwardPageKind,
  ContractDownloadRequest,
  IdvDownloadRequest,
  FileDescription,
} from './award-page-request.types';

export const AWARD_NOT_FOUND_MESSAGE = 'Unable to find award matching the provided award id';

/**
 * Validates the body of an award-page download (every key without a rule is dropped: a client `filters` never
 * reaches the job). A `file_format` that is not a string crashes the reference; here it is the usual 400.
 */
export function validateAwardPageBody(body: unknown): AwardPageBody {
  const request = requireObjectBody(body);
  if (Object.hasOwn(request, 'file_format') && typeof request.file_format !== 'string')
    throw outsideValidValuesError('file_format', FILE_FORMATS);
  const validated = validateContract(AwardPageBody, ruleContext(), request);
  // A repeated column would give a file two identical columns; the first occurrence keeps its place.
  return validated.columns ? { ...validated, columns: [...new Set(validated.columns)] } : validated;
}

/** 400 `Unable to find award matching the provided award id`. */
export function awardNotFound(): ApiError {
  return new ApiError(ApiErrorCode.InvalidParameter, AWARD_NOT_FOUND_MESSAGE);
}

/** The readme of each page: the name in the zip, and the project's template it is rendered from. */
export const FILE_DESCRIPTIONS: Readonly<Record<AwardPageKind, FileDescription>> = {
  idv: { destination: 'readme.txt', source: 'data/readme/idv_download_readme.txt' },
  contract: {
    destination: 'ContractAwardSummary_download_readme.txt',
    source: 'data/readme/ContractSummary_download_readme.txt',
  },
  assistance: {
    destination: 'AssistanceAwardSummary_download_readme.txt',
    source: 'data/readme/AssistanceSummary_download_readme.txt',
  },
};

/** An assistance award's id in names: its FAIN, or its URI when the award is an aggregate record. */
export function assistanceIdOf(award: AwardPageAward): string | null {
  return award.generatedUniqueAwardId.includes('AGG') ? award.uri : award.fain;
}

/**
 * The canonical `download_request` of an award-page download (keys sorted; the award type lists, a Python
 * set in the reference and so in no stable order there, come out sorted).
 */
export function awardPageDownloadRequest(
  kind: AwardPageKind,
  body: AwardPageBody,
  award: AwardPageAward,
): AwardPageDownloadRequest {
  const common = {
    account_level: 'treasury_account',
    ...(body.columns ? { columns: [...body.columns] } : {}),
    file_format: body.file_format,
    include_data_dictionary: true,
    include_file_description: { ...FILE_DESCRIPTIONS[kind] },
    limit: body.limit,
  } as const;
  // `columns` keeps the client's order; everything else is put in canonical order.
  return canonicalizeDownloadRequest(PAGE_REQUESTS[kind](common, award));
}

/** The keys every page's request shares. */
type CommonKeys = Omit<
  IdvDownloadRequest,
  'download_types' | 'filters' | 'is_for_idv' | 'piid' | 'request_type'
>;

/** Each page's request: the shared keys and its own. */
const PAGE_REQUESTS: {
  readonly [K in AwardPageKind]: (common: CommonKeys, award: AwardPageAward) => AwardPageDownloadRequest;
} = {
  idv: (common, award): IdvDownloadRequest => ({
    ...common,
    download_types: ['idv_federal_account_funding', 'idv_orders', 'idv_transaction_history'],
    filters: { award_type_codes: [...PROCUREMENT_CODES], idv_award_id: award.awardId },
    is_for_idv: true,
    piid: award.piid,
    request_type: 'idv',
  }),
  contract: (common, award): ContractDownloadRequest => ({
    ...common,
    award_id: award.awardId,
    download_types: ['contract_federal_account_funding', 'contract_transactions', 'sub_contracts'],
    filters: { award_id: award.awardId, award_type_codes: [...CONTRACT_CODES] },
    is_for_assistance: false,
    is_for_contract: true,
    is_for_idv: false,
    piid: award.piid,
    request_type: 'contract',
  }),
  assistance: (common, award): AssistanceDownloadRequest => ({
    ...common,
    assistance_id: assistanceIdOf(award),
    award_id: award.awardId,
    download_types: ['assistance_federal_account_funding', 'assistance_transactions', 'sub_grants'],
    filters: { award_id: award.awardId, award_type_codes: [...ASSISTANCE_CODES] },
    is_for_assistance: true,
    is_for_contract: false,
    is_for_idv: false,
    request_type: 'assistance',
  }),
};
