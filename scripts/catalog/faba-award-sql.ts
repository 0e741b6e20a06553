import { SQL_PLACEHOLDERS } from '../../src/catalog/catalog.types';

/**
 * The award-level File C (financial_accounts_by_awards, "FABA") values of the award-side lists
 * (docs/compatibility.md#catalog-expressions: FABA, FABA_CLOSED, FABA_FINAL), computed by ONE subquery instead of one
 * correlated subquery per column and row: every value is an aggregate over the same FABA rows of the
 * award, so they differ only by their FILTER. Columns read `faba_award.<name>`. Two forms of the join:
 *
 *   perRow:    LEFT JOIN LATERAL (SELECT <aggregates> ... WHERE faba.award_id = <row's award>) AS faba_award ON true
 *   allAwards: LEFT JOIN (SELECT faba.award_id, <aggregates> ... GROUP BY faba.award_id) AS faba_award
 *                ON faba_award.award_id = <row's award>
 *
 * Measured on the scratch database (311k FABA rows, 75k awards with File C; JIT off): for the unfiltered
 * 530k-row transaction.d2 file allAwards took 8.1 s, perRow 11.2 s (PostgreSQL 15 never runs a LATERAL
 * subquery in parallel and pays ~30 µs per award); for a 300-row filtered download perRow took
 * 0.07 s, allAwards 1.1 s — the cost of aggregating all of File C, which grows with File C, not with
 * the download. So buildSelectSql uses allAwards only when the whole list is downloaded.
 *
 * buildSelectSql appends the join only when a selected column reads faba_award; PostgreSQL would
 * also remove either form unused (a grouped subquery joined on its grouping key, or an aggregate
 * without GROUP BY, is unique). It drops the aggregates the selected columns do not read, then the
 * lookup joins no remaining aggregate reads. perRow is memoized per award id (transactions and
 * subawards repeat their award's values).
 */
const FABA_AWARD_ALIAS = 'faba_award';

/**
 * FABA_CLOSED per FABA row: "period <= max revealed month of its (year, quarter flag)". The max is
 * computed once per query (faba_revealed below) rather than by an EXISTS per FABA row. A NULL period,
 * year or flag, or no revealed window, makes the comparison NULL, which FILTER treats as false — as
 * the EXISTS did.
 */
const CLOSED = 'faba_submission.reporting_fiscal_period <= faba_revealed.revealed_month';
const FINAL = 'faba_submission.is_final_balances_for_fy';
const DEF_CODES = SQL_PLACEHOLDERS.fabaDefCodes;
const OUTLAY_COLUMNS = [
  'gross_outlay_amount_by_award_cpe',
  'ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe',
  'ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe',
];
/** DEFC groups with outlay/obligation columns (the `group_name = '...'` of columns.json). */
const FABA_DEFC_GROUPS = ['covid_19', 'infrastructure'] as const;

/** STRING_AGG(DISTINCT ...) with an explicit ascending order: the reference's order, made deterministic. */
export const stringAggDistinct = (expression: string, separator: string): string =>
  `STRING_AGG(DISTINCT ${expression}, '${separator}' ORDER BY ${expression})`;

/** Sum of the three outlay columns over the rows of `filter`; NULL when no row matches. */
const outlaysWhenAnyRow = (filter: string): string =>
  `CASE WHEN COUNT(*) FILTER (WHERE ${filter}) > 0 THEN ${OUTLAY_COLUMNS.map((c) => `COALESCE(SUM(faba.${c}) FILTER (WHERE ${filter}), 0)`).join(' + ')} END`;

const ocLabel = "CONCAT(faba_oc.object_class, ': ', faba_oc.object_class_name)";
const paLabel = "CONCAT(faba_pa.program_activity_code, ': ', faba_pa.program_activity_name)";
const defcLabel = "CONCAT(faba_defc.code, ': ', faba_defc.public_law)";

/**
 * Output name → aggregate. The lookups are LEFT JOINed (so one FABA row feeds every aggregate);
 * where the per-column subquery INNER JOINed a lookup, the FILTER requires the lookup row, because
 * CONCAT of a missing row is ': ', not NULL.
 */
const AGGREGATES: Readonly<Record<string, string>> = {
  // All FABA rows (no period filter).
  treasury_accounts: stringAggDistinct('faba_tas.tas_rendering_label', ';'),
  federal_accounts: stringAggDistinct('faba_fa.federal_account_code', ';'),
  object_classes: `${stringAggDistinct(ocLabel, ';')} FILTER (WHERE faba_oc.id IS NOT NULL AND ${CLOSED})`,
  // The IDV page's Orders file has no object-class guard: a row without one contributes ': '.
  object_classes_unguarded: `${stringAggDistinct(ocLabel, ';')} FILTER (WHERE ${CLOSED})`,
  program_activities: `${stringAggDistinct(paLabel, ';')} FILTER (WHERE faba_pa.id IS NOT NULL AND ${CLOSED})`,
  def_codes: `${stringAggDistinct(defcLabel, ';')} FILTER (WHERE faba_defc.code IS NOT NULL AND ${CLOSED}${DEF_CODES})`,
  ...Object.fromEntries(
    FABA_DEFC_GROUPS.flatMap((group) => [
      [`${group}_outlays`, outlaysWhenAnyRow(`${FINAL} AND faba_defc.group_name = '${group}'${DEF_CODES}`)],
      [
        `${group}_obligations`,
        `SUM(faba.transaction_obligated_amount) FILTER (WHERE ${CLOSED} AND faba_defc.group_name = '${group}'${DEF_CODES})`,
      ],
    ]),
  ),
  // FABA_FINAL without DEFC restriction: NULL unless one of the three sums is non-NULL.
  total_outlays: `CASE WHEN ${OUTLAY_COLUMNS.map((c) => `SUM(faba.${c}) FILTER (WHERE ${FINAL}) IS NOT NULL`).join(' OR ')} THEN ${OUTLAY_COLUMNS.map((c) => `COALESCE(SUM(faba.${c}) FILTER (WHERE ${FINAL}), 0)`).join(' + ')} END`,
};

/** `faba_award.<name>`, checked against the aggregates the join computes. */
export function fabaAwardColumn(name: string): string {
  if (!(name in AGGREGATES)) throw new Error(`faba_award has no value "${name}"`);
  return `${FABA_AWARD_ALIAS}.${name}`;
}

const FABA_FROM = [
  'FROM financial_accounts_by_awards AS faba',
  'LEFT JOIN submission_attributes AS faba_submission ON faba_submission.submission_id = faba.submission_id',
  'LEFT JOIN (SELECT submission_fiscal_year, is_quarter, MAX(submission_fiscal_month) AS revealed_month FROM dabs_submission_window_schedule WHERE submission_reveal_date <= now() GROUP BY submission_fiscal_year, is_quarter) AS faba_revealed ON faba_revealed.submission_fiscal_year = faba_submission.reporting_fiscal_year AND faba_revealed.is_quarter = faba_submission.quarter_format_flag',
  'LEFT JOIN treasury_appropriation_account AS faba_tas ON faba_tas.treasury_account_identifier = faba.treasury_account_id',
  'LEFT JOIN federal_account AS faba_fa ON faba_fa.id = faba_tas.federal_account_id',
  'LEFT JOIN object_class AS faba_oc ON faba_oc.id = faba.object_class_id',
  'LEFT JOIN ref_program_activity AS faba_pa ON faba_pa.id = faba.program_activity_id',
  'LEFT JOIN disaster_emergency_fund_code AS faba_defc ON faba_defc.code = faba.disaster_emergency_fund_code',
].join('\n');

export interface FabaAwardJoins {
  readonly perRow: string;
  readonly allAwards?: string;
}

/**
 * The faba_award joins of an award-side source. Every join inside is a LEFT JOIN on a primary key (or
 * on the grouping keys of faba_revealed), so it is removable; they carry {{faba_def_codes}}, which
 * buildSelectSql fills like the columns' placeholders.
 */
export function fabaAwardJoins(awardIdSql: string, withAllAwards: boolean): FabaAwardJoins {
  const aggregates = Object.entries(AGGREGATES)
    .map(([name, sql]) => `${sql} AS ${name}`)
    .join(', ');
  const perRow = `LEFT JOIN LATERAL (SELECT ${aggregates}\n${FABA_FROM}\nWHERE faba.award_id = ${awardIdSql}) AS ${FABA_AWARD_ALIAS} ON true`;
  if (!withAllAwards) return { perRow };
  const allAwards = `LEFT JOIN (SELECT faba.award_id, ${aggregates}\n${FABA_FROM}\nGROUP BY faba.award_id) AS ${FABA_AWARD_ALIAS} ON ${FABA_AWARD_ALIAS}.award_id = ${awardIdSql}`;
  return { perRow, allAwards };
}
