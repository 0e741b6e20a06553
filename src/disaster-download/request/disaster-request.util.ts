import { ApiError, ApiErrorCode } from '../../common/api-error';

import {
  readLowerCaseFileFormat,
  requireObjectBody,
  truthyColumns,
} from '../../awards-download/request/request-body.util';
import { AWARD_TYPE_CODES } from '../../download-request/award-types/award-type-codes.constants';
import { canonicalizeDownloadRequest } from '../../download-request/canonical/canonical-request.util';
import { ruleContext } from '../../download-request/contract/request-field.decorator';
import { validateContract } from '../../download-request/contract/typed-request.util';
import { DisasterDownloadBody } from './disaster.contract';
import {
  CovidProfileRequest,
  DisasterDownloadRequest,
  DisasterRequestBranch,
  LatestMonthlyPeriod,
} from './disaster-request.types';

export const LIMITED_DEFC_MESSAGE =
  'The Disaster Download is currently limited to either all COVID-19 DEFC or a single COVID-19 DEFC.';

/** The reference's text-free crash when no monthly window is revealed becomes a sentence (503: data missing). */
export const NO_REVEALED_PERIOD_MESSAGE =
  'No monthly DATA Act submission period has been revealed yet, so there is no COVID-19 account data to download.';

/**
 * Validates POST /api/v2/download/disaster/ (only `filters.def_codes`, `columns` and `file_format` are read) and
 * picks the branch: one COVID-19 DEFC is generated; all of them (the default) is the pre-generated file. Two or
 * more codes that are not all of them — duplicates count — are refused.
 */
export function validateDisasterRequest(body: unknown, covidCodes: readonly string[]): DisasterRequestBranch {
  const request = requireObjectBody(body);
  const fileFormat = readLowerCaseFileFormat(request);
  const validated = validateContract(DisasterDownloadBody, ruleContext({ covidCodes }), {
    filters: request.filters,
    ...truthyColumns(request),
    file_format: fileFormat,
  });
  const codes = validated.filters.def_codes;
  const columns = validated.columns ? [...new Set(validated.columns)] : undefined;
  if (codes.length === 1) {
    return {
      branch: 'generated',
      defCode: codes[0],
      fileFormat: validated.file_format,
      columns,
    };
  }
  const all = new Set(covidCodes);
  if (new Set(codes).size === all.size && codes.every((code) => all.has(code)))
    return { branch: 'pre-generated', columns };
  throw new ApiError(ApiErrorCode.InvalidParameter, LIMITED_DEFC_MESSAGE);
}

export const PRE_GENERATED_OPTIONS_MESSAGE =
  'The download of all COVID-19 DEFCs is a pre-generated CSV file with every column: columns and file_format ' +
  'other than csv apply only to a single DEFC (filters.def_codes with one code).';

/**
 * The pre-generated file cannot honour `columns` or another `file_format`; the reference ignores them without
 * a word, here they are refused so no client believes it got what it asked for.
 */
export function assertPreGeneratedOptions(body: unknown, branch: DisasterRequestBranch): void {
  if (branch.branch !== 'pre-generated') return;
  const format = readLowerCaseFileFormat(requireObjectBody(body));
  if (branch.columns || format !== 'csv')
    throw new ApiError(ApiErrorCode.InvalidParameter, PRE_GENERATED_OPTIONS_MESSAGE);
}

export function noRevealedPeriod(): ApiError {
  return new ApiError(ApiErrorCode.ServiceUnavailable, NO_REVEALED_PERIOD_MESSAGE);
}

/** The canonical request of a generated profile download for one DEFC. */
export function disasterDownloadRequest(
  branch: Extract<DisasterRequestBranch, { branch: 'generated' }>,
  latest: LatestMonthlyPeriod,
): DisasterDownloadRequest {
  const request: DisasterDownloadRequest = {
    account_filters: {
      is_multi_year: true,
      latest_fiscal_period: latest.period,
      latest_fiscal_year: latest.fiscalYear,
      start_date: '2020-04-01',
    },
    account_level: 'treasury_account',
    ...(branch.columns ? { columns: [...branch.columns] } : {}),
    download_types: [
      'elasticsearch_awards',
      'elasticsearch_sub_awards',
      'gtas_balances',
      'object_class_program_activity',
    ],
    file_format: branch.fileFormat,
    // The client's award_type_codes are dropped: the download always covers every award type.
    filters: { award_type_codes: [...AWARD_TYPE_CODES], def_codes: [branch.defCode] },
    include_data_dictionary: true,
    include_file_description: {
      destination: 'COVID-19_download_readme.txt',
      source: 'data/readme/COVID-19_download_readme.txt',
    },
    request_type: 'disaster',
  };
  return canonicalizeDownloadRequest(request);
}

/** The stored request of a pre-generated profile: what the all-DEFC branch echoes as `download_request`. */
export function covidProfileRequest(
  covidCodes: readonly string[],
  latest: LatestMonthlyPeriod,
): CovidProfileRequest {
  return {
    filters: {
      def_codes: [...covidCodes],
      latest_fiscal_period: String(latest.period).padStart(2, '0'),
      latest_fiscal_year: String(latest.fiscalYear),
      start_date: '2020-04-01',
    },
  };
}

/**
 * The text a pre-generated profile's stored request contains, and nothing else does: the COVID-19 codes as
 * Python's `json.dumps` writes them (`"def_codes": ["L", "M", ...]`).
 */
export function covidProfileMarker(covidCodes: readonly string[]): string {
  return `"def_codes": [${covidCodes.map((code) => JSON.stringify(code)).join(', ')}]`;
}
