import { FileFormat } from '../../awards-download/request/download-common.rules';
import { AccountLevel, AccountSubmissionType } from './account-download-type.constants';

/** The filters of an account download after validation and bolstering (docs/compatibility.md#account-downloads). */
export interface AccountFilters {
  /** `all`, an all-digit toptier_agency_id, or an agency abbreviation; trimmed. */
  readonly agency: string;
  readonly budget_function: string;
  readonly budget_subfunction: string;
  readonly def_codes?: readonly string[];
  readonly federal_account: string;
  readonly fy: number;
  /** The requested period, or (quarter requests) the latest revealed monthly period of that quarter; may be null. */
  readonly period: number | null;
  /** The requested quarter, or (period requests) the latest revealed quarter up to that period; may be null. */
  readonly quarter: number | null;
  /** Kept only when the client sent both the legacy key and `submission_types`, as the reference does. */
  readonly submission_type?: AccountSubmissionType;
  /** Sorted, without duplicates. */
  readonly submission_types: readonly AccountSubmissionType[];
}

/** The canonical `download_request` of POST /api/v2/download/accounts/ (keys sorted at every level). */
export interface AccountDownloadRequest {
  readonly account_level: AccountLevel;
  /** Present only when the client asked for specific columns, in the client's order. */
  readonly columns?: readonly string[];
  /** The submission types, sorted: they decide the order of the files in the zip. */
  readonly download_types: readonly AccountSubmissionType[];
  readonly file_format: FileFormat;
  readonly filters: AccountFilters;
  readonly request_type: 'account';
}

/** A request that passed the validator and the request-shape checks, before the database lookups. */
export interface CheckedAccountRequest {
  readonly accountLevel: AccountLevel;
  readonly columns?: readonly string[];
  readonly fileFormat: FileFormat;
  readonly filters: Omit<AccountFilters, 'period' | 'quarter' | 'submission_types'>;
  readonly quarter: number | null;
  readonly period: number | null;
  readonly submissionTypes: readonly AccountSubmissionType[];
}

/** The other half of the quarter/period pair, filled from the submission windows (docs/compatibility.md#quarter-and-period). */
export interface BolsteredPeriod {
  readonly quarter: number | null;
  readonly period: number | null;
}
