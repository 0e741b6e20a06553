import { SubmissionPeriod, latestSubmissionIdsSql } from '../catalog/closed-submission.util';
import { AccountFilters } from './request/account-download-request.types';
import { AccountSubmissionType } from './request/account-download-type.constants';
import { literal, literalList } from '../filters/sql-literal.util';

/**
 * Row conditions of account files (docs/compatibility.md#account-file-rows) over the aliases of the catalog's account FROM
 * clauses. Every value is escaped here: COPY statements take no bind parameters.
 */

const TAS = 'treasury_appropriation_account';
const SUBMISSION = 'submission_attributes';

/** The quarter/period pair as the submission conditions read it. */
export function submissionPeriodOf(filters: AccountFilters): SubmissionPeriod {
  return { fiscalYear: filters.fy, quarter: filters.quarter, period: filters.period };
}

/** A missing quarter or period matches nothing, as in the reference (-1). */
const orMinusOne = (value: number | null): number => value ?? -1;

/**
 * The TAS's funding agency: an all-digit value names a toptier_agency_id, anything else an abbreviation. The
 * request already proved one of them exists; an id wins when a digit string is both (docs/compatibility.md#account-downloads step 3).
 */
function agencyCondition(agency: string): string {
  const id = /^\d+$/.test(agency) ? String(BigInt(agency)) : '';
  return `${TAS}.funding_toptier_agency_id = (SELECT toptier_agency_id FROM toptier_agency
    WHERE toptier_agency_id::text = ${literal(id)} OR abbreviation = ${literal(agency)}
    ORDER BY toptier_agency_id::text = ${literal(id)} DESC, toptier_agency_id LIMIT 1)`;
}

/** Agency, federal account, budget (sub)function and DEF code conditions, shared by every account file. */
export function accountFilterConditions(
  filters: AccountFilters,
  submissionType: AccountSubmissionType,
  baseTable: string,
): string[] {
  const conditions: string[] = [];
  if (filters.agency.toLowerCase() !== 'all') conditions.push(agencyCondition(filters.agency));
  if (filters.federal_account !== 'all') {
    // The request checked that it names an existing federal account, so it is all digits.
    const id = /^\d+$/.test(filters.federal_account) ? String(BigInt(filters.federal_account)) : null;
    conditions.push(id === null ? 'false' : `${TAS}.federal_account_id = ${id}`);
  }
  if (filters.budget_function !== 'all')
    conditions.push(`${TAS}.budget_function_code = ${literal(filters.budget_function)}`);
  if (filters.budget_subfunction !== 'all')
    conditions.push(`${TAS}.budget_subfunction_code = ${literal(filters.budget_subfunction)}`);
  // File A has no DEF code column: the filter does not apply to it (docs/compatibility.md#account-file-rows).
  if (filters.def_codes?.length && submissionType !== 'account_balances')
    conditions.push(`${baseTable}.disaster_emergency_fund_code IN (${literalList(filters.def_codes)})`);
  conditions.push(submissionCondition(filters, submissionType));
  return conditions;
}

/**
 * Which submissions count (docs/compatibility.md#account-file-rows). Files A and B hold year-to-date balances: only each reporting
 * agency's latest submission for the requested period, so nothing is counted twice. File C holds per-period
 * obligations: every submission of the year up to the period.
 */
export function submissionCondition(filters: AccountFilters, submissionType: AccountSubmissionType): string {
  // The year test is implied by the ids, but lets the planner start from that year's submissions (5x faster).
  if (submissionType !== 'award_financial')
    return `${SUBMISSION}.reporting_fiscal_year = ${filters.fy} AND ${SUBMISSION}.submission_id IN (${latestSubmissionIdsSql(submissionPeriodOf(filters))})`;
  const period = orMinusOne(filters.period);
  const quarter = orMinusOne(filters.quarter);
  return `${SUBMISSION}.reporting_fiscal_year = ${filters.fy} AND ((NOT ${SUBMISSION}.quarter_format_flag AND ${SUBMISSION}.reporting_fiscal_period <= ${period}) OR (${SUBMISSION}.quarter_format_flag AND ${SUBMISSION}.reporting_fiscal_quarter <= ${quarter}))`;
}
