import { SQL_PLACEHOLDERS } from '../../src/catalog/catalog.types';

/**
 * SQL of the COVID-19 (disaster) files whose columns.json entries describe their computation in prose:
 * the GTAS account balances (TAS parts parsed from the label when the TAS row is missing), the
 * recipient file's aggregates, and the per-award COVID-19 / IIJA File C aggregates of the pre-generated
 * profile files.
 */

const LABEL = 'gtas_sf133_balances.tas_rendering_label';
const TAS = 'treasury_appropriation_account';
/** A label is `[ATA-]AID-<BPOA/EPOA or X>-MAIN-SUB`: five parts when it has an allocation agency. */
const PARTS = `array_length(string_to_array(${LABEL}, '-'), 1)`;
const AVAILABILITY = `split_part(${LABEL}, '-', -3)`;

/** Allocation transfer agency and agency identifier of a GTAS row, from its TAS or else its label. */
export const GTAS_ATA = `COALESCE(${TAS}.allocation_transfer_agency_id, CASE WHEN ${PARTS} = 5 THEN split_part(${LABEL}, '-', 1) END)`;
export const GTAS_AID = `COALESCE(${TAS}.agency_id, CASE WHEN ${PARTS} = 5 THEN split_part(${LABEL}, '-', 2) ELSE split_part(${LABEL}, '-', 1) END)`;

const GTAS_ANNOTATIONS: Readonly<Record<string, string>> = {
  submission_period: `'FY' || gtas_sf133_balances.fiscal_year || 'P' || LPAD(gtas_sf133_balances.fiscal_period::text, 2, '0')`,
  allocation_transfer_agency_identifier_code: GTAS_ATA,
  agency_identifier_code: GTAS_AID,
  beginning_period_of_availability: `COALESCE(${TAS}.beginning_period_of_availability, CASE WHEN ${AVAILABILITY} <> 'X' THEN split_part(${AVAILABILITY}, '/', 1) END)`,
  ending_period_of_availability: `COALESCE(${TAS}.ending_period_of_availability, CASE WHEN ${AVAILABILITY} <> 'X' THEN split_part(${AVAILABILITY}, '/', 2) END)`,
  availability_type_code: `COALESCE(${TAS}.availability_type_code, CASE WHEN ${AVAILABILITY} = 'X' THEN 'X' END)`,
  main_account_code: `split_part(${LABEL}, '-', -2)`,
  sub_account_code: `split_part(${LABEL}, '-', -1)`,
  agency_identifier_name: 'cgac_aid.agency_name',
  allocation_transfer_agency_identifier_name: 'cgac_ata.agency_name',
};

export function gtasAnnotationSql(header: string): string {
  const sql = GTAS_ANNOTATIONS[header];
  if (!sql) throw new Error(`No SQL translation for gtas_balances "${header}"`);
  return sql;
}

const OUTLAYS =
  'COALESCE(faba.gross_outlay_amount_by_award_cpe, 0) + COALESCE(faba.ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe, 0) + COALESCE(faba.ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe, 0)';

/**
 * DEFC_CLOSED: File C rows of submissions in a revealed period, counted from FY2020 P7 (when COVID-19
 * reporting began): per fiscal year and quarter flag, periods up to the latest revealed month.
 */
const DEFC_CLOSED_JOIN =
  'JOIN (SELECT submission_fiscal_year, is_quarter, MAX(submission_fiscal_month) AS revealed_month FROM dabs_submission_window_schedule WHERE submission_reveal_date <= now() GROUP BY submission_fiscal_year, is_quarter HAVING (submission_fiscal_year = 2020 AND MAX(submission_fiscal_month) >= 7) OR submission_fiscal_year > 2020) AS defc_closed ON defc_closed.submission_fiscal_year = faba_submission.reporting_fiscal_year AND defc_closed.is_quarter = faba_submission.quarter_format_flag AND faba_submission.reporting_fiscal_period <= defc_closed.revealed_month';

/**
 * The recipient file: per award, its File C obligations and (final-of-year) outlays under the request's
 * DEFCs, kept when either is non-zero; then per recipient. The DEFC list is the request's
 * (`{{faba_def_codes}}`, always present: the route requires def_codes).
 */
export const RECIPIENT_FROM = [
  'FROM award_search AS award_search',
  `INNER JOIN (SELECT faba.award_id, COALESCE(SUM(faba.transaction_obligated_amount), 0) AS obligation, COALESCE(SUM(CASE WHEN faba_submission.is_final_balances_for_fy THEN ${OUTLAYS} ELSE 0 END), 0) AS outlay FROM financial_accounts_by_awards AS faba JOIN submission_attributes AS faba_submission ON faba_submission.submission_id = faba.submission_id ${DEFC_CLOSED_JOIN} WHERE faba.award_id IS NOT NULL AND faba_submission.reporting_period_start >= DATE '2020-04-01'${SQL_PLACEHOLDERS.fabaDefCodes} GROUP BY faba.award_id HAVING COALESCE(SUM(faba.transaction_obligated_amount), 0) <> 0 OR COALESCE(SUM(CASE WHEN faba_submission.is_final_balances_for_fy THEN ${OUTLAYS} ELSE 0 END), 0) <> 0) AS disaster_award ON disaster_award.award_id = award_search.award_id`,
].join('\n');

/** Two recipients may share a name: they stay apart by their DUNS, as in the reference. */
export const RECIPIENT_GROUP_BY = ['award_search.recipient_name', 'award_search.recipient_unique_id'];

export const RECIPIENT_COLUMNS: Readonly<
  Record<string, { sql: string; aggregation: 'group_by' | 'sum' | 'count_distinct' }>
> = {
  recipient: { sql: 'award_search.recipient_name', aggregation: 'group_by' },
  award_obligations: { sql: 'COALESCE(SUM(disaster_award.obligation), 0)', aggregation: 'sum' },
  award_outlays: { sql: 'COALESCE(SUM(disaster_award.outlay), 0)', aggregation: 'sum' },
  face_value_of_loans: { sql: 'COALESCE(SUM(award_search.total_loan_value), 0)', aggregation: 'sum' },
  number_of_awards: { sql: 'COUNT(DISTINCT award_search.award_id)', aggregation: 'count_distinct' },
};

/**
 * One award's File C rows of a DEFC group since a date, in revealed submissions: its DEFCs with their
 * public laws (`'; '`-joined), outlays of final-of-year submissions and obligations. The profile
 * files INNER JOIN the COVID-19 aggregate (awards without COVID-19 spending are not listed) and LEFT
 * JOIN the IIJA one.
 */
export function profileAggregateJoin(
  kind: 'INNER' | 'LEFT',
  group: 'covid_19' | 'infrastructure',
  since: string,
  alias: string,
  awardIdSql: string,
): string {
  const outlays = `COALESCE(SUM(CASE WHEN profile_submission.is_final_balances_for_fy THEN ${OUTLAYS} END), 0)`;
  const obligations = 'COALESCE(SUM(faba.transaction_obligated_amount), 0)';
  const label = "CONCAT(profile_defc.code, ': ', profile_defc.public_law)";
  const having = kind === 'INNER' ? ` HAVING ${outlays} <> 0 OR ${obligations} <> 0` : '';
  return `${kind} JOIN (SELECT faba.award_id, STRING_AGG(DISTINCT ${label}, '; ' ORDER BY ${label}) AS def_codes, ${outlays} AS outlays, ${obligations} AS obligations FROM financial_accounts_by_awards AS faba JOIN submission_attributes AS profile_submission ON profile_submission.submission_id = faba.submission_id JOIN dabs_submission_window_schedule AS profile_window ON profile_window.id = profile_submission.submission_window_id AND profile_window.submission_reveal_date <= now() JOIN disaster_emergency_fund_code AS profile_defc ON profile_defc.code = faba.disaster_emergency_fund_code AND profile_defc.group_name = '${group}' WHERE faba.award_id IS NOT NULL AND profile_submission.reporting_period_start >= DATE '${since}' GROUP BY faba.award_id${having}) AS ${alias} ON ${alias}.award_id = ${awardIdSql}`;
}
