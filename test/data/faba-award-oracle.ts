/**
 * The award-level File C (FABA) expressions as the catalog generated them before they became one
 * faba_award join: a correlated subquery per column and row, FABA_CLOSED as an EXISTS per FABA row.
 * Kept verbatim as the oracle the faster join must equal (faba-award-values.e2e-spec.ts).
 */
const FABA_SUBMISSION =
  'FROM financial_accounts_by_awards AS faba INNER JOIN submission_attributes AS faba_submission ON faba_submission.submission_id = faba.submission_id';
const FABA_CLOSED =
  'EXISTS (SELECT 1 FROM dabs_submission_window_schedule AS faba_window WHERE faba_window.submission_reveal_date <= now() AND faba_window.submission_fiscal_year = faba_submission.reporting_fiscal_year AND faba_window.is_quarter = faba_submission.quarter_format_flag AND faba_window.submission_fiscal_month >= faba_submission.reporting_fiscal_period)';
const FABA_FINAL = 'faba_submission.is_final_balances_for_fy';
const DEFC_JOIN =
  'INNER JOIN disaster_emergency_fund_code AS faba_defc ON faba_defc.code = faba.disaster_emergency_fund_code';
const OUTLAY_COLUMNS = [
  'gross_outlay_amount_by_award_cpe',
  'ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe',
  'ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe',
];
const agg = (expression: string): string => `STRING_AGG(DISTINCT ${expression}, ';' ORDER BY ${expression})`;

/** faba_award value name → the old subquery, for the row's award id and an already-filled DEF-code filter. */
export function oracleSubqueries(awardId: string, defCodes: string): Record<string, string> {
  const outlays = (group: string) =>
    `(SELECT CASE WHEN COUNT(*) > 0 THEN ${OUTLAY_COLUMNS.map((c) => `COALESCE(SUM(faba.${c}), 0)`).join(' + ')} END ${FABA_SUBMISSION} ${DEFC_JOIN} WHERE faba.award_id = ${awardId} AND ${FABA_FINAL} AND faba_defc.group_name = '${group}'${defCodes})`;
  const obligations = (group: string) =>
    `(SELECT SUM(faba.transaction_obligated_amount) ${FABA_SUBMISSION} ${DEFC_JOIN} WHERE faba.award_id = ${awardId} AND ${FABA_CLOSED} AND faba_defc.group_name = '${group}'${defCodes})`;
  return {
    treasury_accounts: `(SELECT ${agg('faba_tas.tas_rendering_label')} FROM financial_accounts_by_awards AS faba INNER JOIN treasury_appropriation_account AS faba_tas ON faba_tas.treasury_account_identifier = faba.treasury_account_id WHERE faba.award_id = ${awardId})`,
    federal_accounts: `(SELECT ${agg('faba_fa.federal_account_code')} FROM financial_accounts_by_awards AS faba INNER JOIN treasury_appropriation_account AS faba_tas ON faba_tas.treasury_account_identifier = faba.treasury_account_id INNER JOIN federal_account AS faba_fa ON faba_fa.id = faba_tas.federal_account_id WHERE faba.award_id = ${awardId})`,
    object_classes: `(SELECT ${agg("CONCAT(faba_oc.object_class, ': ', faba_oc.object_class_name)")} ${FABA_SUBMISSION} INNER JOIN object_class AS faba_oc ON faba_oc.id = faba.object_class_id WHERE faba.award_id = ${awardId} AND ${FABA_CLOSED})`,
    program_activities: `(SELECT ${agg("CONCAT(faba_pa.program_activity_code, ': ', faba_pa.program_activity_name)")} ${FABA_SUBMISSION} INNER JOIN ref_program_activity AS faba_pa ON faba_pa.id = faba.program_activity_id WHERE faba.award_id = ${awardId} AND ${FABA_CLOSED})`,
    def_codes: `(SELECT ${agg("CONCAT(faba_defc.code, ': ', faba_defc.public_law)")} ${FABA_SUBMISSION} ${DEFC_JOIN} WHERE faba.award_id = ${awardId} AND ${FABA_CLOSED}${defCodes})`,
    covid_19_outlays: outlays('covid_19'),
    covid_19_obligations: obligations('covid_19'),
    infrastructure_outlays: outlays('infrastructure'),
    infrastructure_obligations: obligations('infrastructure'),
    total_outlays: `(SELECT CASE WHEN ${OUTLAY_COLUMNS.map((c) => `SUM(faba.${c}) IS NOT NULL`).join(' OR ')} THEN ${OUTLAY_COLUMNS.map((c) => `COALESCE(SUM(faba.${c}), 0)`).join(' + ')} END ${FABA_SUBMISSION} WHERE faba.award_id = ${awardId} AND ${FABA_FINAL})`,
  };
}

/**
 * A catalog column's SQL with each `faba_award.<value>` replaced by its old subquery: the column as
 * it was generated before (per-row gates such as `action_date >= DATE '2020-04-01'` are unchanged).
 */
export function oracleExpression(columnSql: string, awardId: string, defCodes: string): string {
  const subqueries = oracleSubqueries(awardId, defCodes);
  return columnSql.replace(/faba_award\.(\w+)/g, (_, name: string) => {
    const subquery = subqueries[name];
    if (!subquery) throw new Error(`No oracle for faba_award.${name}`);
    return subquery;
  });
}
