/**
 * Submission-period conditions of account downloads (docs/compatibility.md#catalog-expressions and #account-file-rows), as SQL over the
 * `submission_attributes` alias of the catalog's account FROM clauses. Inputs are integers checked
 * here, so the text is safe to inline (COPY statements take no bind parameters).
 */
export interface SubmissionPeriod {
  readonly fiscalYear: number;
  /** Quarter 1–4 after the API's bolstering, or null when nothing is revealed. */
  readonly quarter: number | null;
  /** Period (month) 1–12 after bolstering, or null. */
  readonly period: number | null;
}

function checked(value: number | null, name: string, min: number, max: number): number {
  // The reference treats a missing quarter/period as -1: it then matches no submission.
  if (value === null) return -1;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} out of range: ${value}`);
  return value;
}

function periodValues(period: SubmissionPeriod): { fy: number; q: number; p: number } {
  return {
    fy: checked(period.fiscalYear, 'fiscalYear', 1, 9999),
    q: checked(period.quarter, 'quarter', 1, 4),
    p: checked(period.period, 'period', 1, 12),
  };
}

/**
 * latest_submission_ids(fy, q, p): per reporting agency, its submission(s) with the highest period
 * up to the requested one, kept only if that is exactly the requested quarter or period. Files A
 * and B hold year-to-date balances, so summing several periods would double count.
 */
export function latestSubmissionIdsSql(period: SubmissionPeriod): string {
  const { fy, q, p } = periodValues(period);
  return `SELECT ranked.submission_id FROM (
    SELECT s.submission_id, s.quarter_format_flag, s.reporting_fiscal_quarter, s.reporting_fiscal_period,
      rank() OVER (PARTITION BY s.toptier_code ORDER BY s.reporting_fiscal_period DESC) AS position
    FROM submission_attributes AS s
    WHERE s.reporting_fiscal_year = ${fy}
      AND ((s.quarter_format_flag AND s.reporting_fiscal_quarter <= ${q})
        OR (NOT s.quarter_format_flag AND s.reporting_fiscal_period <= ${p}))
  ) AS ranked
  WHERE ranked.position = 1
    AND ((ranked.quarter_format_flag AND ranked.reporting_fiscal_quarter = ${q})
      OR (NOT ranked.quarter_format_flag AND ranked.reporting_fiscal_period = ${p}))`;
}

/**
 * CLOSED_SUB: which rows' cumulative outlays count in a federal-account sum. At the last period of the
 * year every submission of that period counts; otherwise only each agency's latest submission.
 */
export function closedSubmissionSql(period: SubmissionPeriod): string {
  const { fy, q, p } = periodValues(period);
  const isYearEnd = (period.quarter === null || q === 4) && (period.period === null || p === 12);
  if (isYearEnd && (period.quarter !== null || period.period !== null)) {
    return `(submission_attributes.reporting_fiscal_year = ${fy} AND ((submission_attributes.quarter_format_flag AND submission_attributes.reporting_fiscal_quarter = ${q}) OR (NOT submission_attributes.quarter_format_flag AND submission_attributes.reporting_fiscal_period = ${p})))`;
  }
  return `submission_attributes.submission_id IN (${latestSubmissionIdsSql(period)})`;
}
