import { SQL_PLACEHOLDERS } from '../../src/catalog/catalog.types';
import { SourceDefinition } from './catalog-sources';

/**
 * Translates the computed ("annotation") entries of columns.json — written in the vocabulary of
 * generation.md §1 — into SQL. Each pattern below is one computation of the reference; an expression
 * matching none of them stops the generator, so a new columns.json cannot silently lose a column.
 */

const FABA_SUBMISSION =
  'FROM financial_accounts_by_awards AS faba INNER JOIN submission_attributes AS faba_submission ON faba_submission.submission_id = faba.submission_id';
// FABA_CLOSED: the submission lies in a revealed period. "period <= max revealed month of its
// (year, quarter flag)" is the same as "some revealed window of that year and flag has month >= period".
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
const DEF_CODES = SQL_PLACEHOLDERS.fabaDefCodes;

/** STRING_AGG(DISTINCT ...) with an explicit ascending order: the reference's order, made deterministic. */
export const stringAggDistinct = (expression: string, separator: string): string =>
  `STRING_AGG(DISTINCT ${expression}, '${separator}' ORDER BY ${expression})`;

export const fiscalYear = (date: string): string =>
  `EXTRACT(YEAR FROM ${date} + INTERVAL '3 months')::integer`;

export const congressionalDistrict = (state: string, district: string): string =>
  `CASE WHEN ${state} IS NOT NULL AND ${district} IS NOT NULL AND ${state} <> '' THEN ${state} || '-' || ${district} ELSE ${district} END`;

export const SUBMISSION_PERIOD =
  "CASE WHEN submission_attributes.quarter_format_flag THEN 'FY' || submission_attributes.reporting_fiscal_year || 'Q' || submission_attributes.reporting_fiscal_quarter ELSE 'FY' || submission_attributes.reporting_fiscal_year || 'P' || LPAD(submission_attributes.reporting_fiscal_period::text, 2, '0') END";

const faba = (awardId: string) => ({
  treasuryAccounts: `(SELECT ${stringAggDistinct('faba_tas.tas_rendering_label', ';')} FROM financial_accounts_by_awards AS faba INNER JOIN treasury_appropriation_account AS faba_tas ON faba_tas.treasury_account_identifier = faba.treasury_account_id WHERE faba.award_id = ${awardId})`,
  federalAccounts: `(SELECT ${stringAggDistinct('faba_fa.federal_account_code', ';')} FROM financial_accounts_by_awards AS faba INNER JOIN treasury_appropriation_account AS faba_tas ON faba_tas.treasury_account_identifier = faba.treasury_account_id INNER JOIN federal_account AS faba_fa ON faba_fa.id = faba_tas.federal_account_id WHERE faba.award_id = ${awardId})`,
  objectClasses: `(SELECT ${stringAggDistinct("CONCAT(faba_oc.object_class, ': ', faba_oc.object_class_name)", ';')} ${FABA_SUBMISSION} INNER JOIN object_class AS faba_oc ON faba_oc.id = faba.object_class_id WHERE faba.award_id = ${awardId} AND ${FABA_CLOSED})`,
  programActivities: `(SELECT ${stringAggDistinct("CONCAT(faba_pa.program_activity_code, ': ', faba_pa.program_activity_name)", ';')} ${FABA_SUBMISSION} INNER JOIN ref_program_activity AS faba_pa ON faba_pa.id = faba.program_activity_id WHERE faba.award_id = ${awardId} AND ${FABA_CLOSED})`,
  defCodes: `(SELECT ${stringAggDistinct("CONCAT(faba_defc.code, ': ', faba_defc.public_law)", ';')} ${FABA_SUBMISSION} ${DEFC_JOIN} WHERE faba.award_id = ${awardId} AND ${FABA_CLOSED}${DEF_CODES})`,
  // "NULL when no matching FABA row": COUNT(*) tells an empty set from a set of zero amounts.
  outlays: (group: string) =>
    `(SELECT CASE WHEN COUNT(*) > 0 THEN ${OUTLAY_COLUMNS.map((c) => `COALESCE(SUM(faba.${c}), 0)`).join(' + ')} END ${FABA_SUBMISSION} ${DEFC_JOIN} WHERE faba.award_id = ${awardId} AND ${FABA_FINAL} AND faba_defc.group_name = '${group}'${DEF_CODES})`,
  obligations: (group: string) =>
    `(SELECT SUM(faba.transaction_obligated_amount) ${FABA_SUBMISSION} ${DEFC_JOIN} WHERE faba.award_id = ${awardId} AND ${FABA_CLOSED} AND faba_defc.group_name = '${group}'${DEF_CODES})`,
  totalOutlays: `(SELECT CASE WHEN ${OUTLAY_COLUMNS.map((c) => `SUM(faba.${c}) IS NOT NULL`).join(' OR ')} THEN ${OUTLAY_COLUMNS.map((c) => `COALESCE(SUM(faba.${c}), 0)`).join(' + ')} END ${FABA_SUBMISSION} WHERE faba.award_id = ${awardId} AND ${FABA_FINAL})`,
});

export interface AnnotationEntry {
  readonly header: string;
  readonly expression?: string;
}

/** Alias of a table named in an expression, given the source it is evaluated in. */
function aliasOf(reference: string, expression: string, source: SourceDefinition): string {
  if (reference === 'lt' || reference === 'latest transaction_search') return 'latest_transaction';
  if (reference === 'transaction_search' && source.baseTable !== 'transaction_search')
    return 'latest_transaction';
  if (reference === 'faba' || reference.startsWith('vw_')) return source.baseTable;
  if (/^(award_search|transaction_search|subaward_search|submission_attributes)$/.test(reference))
    return reference;
  throw new Error(`Unknown table reference "${reference}" in: ${expression}`);
}

/** `a.b` (or `latest transaction_search.b`) → `<alias>.b`. */
function column(reference: string, expression: string, source: SourceDefinition): string {
  const match = /^(.+)\.(\w+)$/.exec(reference.trim());
  if (!match) throw new Error(`Not a column reference "${reference}" in: ${expression}`);
  return `${aliasOf(match[1], expression, source)}.${match[2]}`;
}

export function annotationSql(entry: AnnotationEntry, source: SourceDefinition): string {
  const expression = entry.expression ?? '';
  const fail = (): never => {
    throw new Error(`No SQL translation for ${source.fileType} "${entry.header}": ${expression}`);
  };
  const gate = /^CASE WHEN (\S+) >= DATE '([\d-]+)' THEN \((.*)\) END/s.exec(expression);
  if (gate) {
    const inner = annotationSql({ header: entry.header, expression: gate[3] }, source);
    return `CASE WHEN ${column(gate[1], expression, source)} >= DATE '${gate[2]}' THEN ${inner} END`;
  }
  const awardId = source.awardIdSql;
  if (expression.includes('financial_accounts_by_awards (FABA)')) {
    if (!awardId) return fail();
    const subqueries = faba(awardId);
    const group = /group_name = '(\w+)'/.exec(expression)?.[1];
    if (expression.includes('CONCAT(disaster_emergency_fund_code.code')) return subqueries.defCodes;
    if (group && expression.includes('FABA_FINAL')) return subqueries.outlays(group);
    if (group && expression.includes('FABA_CLOSED')) return subqueries.obligations(group);
    if (expression.includes('FABA_FINAL (no DEFC restriction)')) return subqueries.totalOutlays;
    if (expression.includes('treasury_appropriation_account.tas_rendering_label'))
      return subqueries.treasuryAccounts;
    if (expression.includes('federal_account.federal_account_code')) return subqueries.federalAccounts;
    if (expression.includes('CONCAT(object_class.object_class')) return subqueries.objectClasses;
    if (expression.includes('CONCAT(ref_program_activity.program_activity_code'))
      return subqueries.programActivities;
    return fail();
  }
  const fy = /^FY\((.+?)\)/.exec(expression);
  if (fy) return fiscalYear(column(fy[1], expression, source));
  const cd = /^CD\(([\w.]+), ([\w.]+)\)/.exec(expression);
  if (cd) return congressionalDistrict(column(cd[1], expression, source), column(cd[2], expression, source));
  const permalink =
    /^CONCAT\('https:\/\/<HOST>\/award\/', urlencode\((\w+)\.generated_unique_award_id\), '\/'\)/.exec(
      expression,
    );
  const prefix = SQL_PLACEHOLDERS.permalinkPrefix;
  if (permalink) {
    return `CONCAT(${prefix}, urlencode(${aliasOf(permalink[1], expression, source)}.generated_unique_award_id), '/')`;
  }
  if (expression.startsWith('CASE WHEN award_search.generated_unique_award_id IS NOT NULL THEN CONCAT(')) {
    return `CASE WHEN award_search.generated_unique_award_id IS NOT NULL THEN CONCAT(${prefix}, urlencode(award_search.generated_unique_award_id), '/') ELSE '' END`;
  }
  if (expression.startsWith("array_to_string(ARRAY(SELECT CONCAT(e::json->>'cfda_number'")) {
    return "array_to_string(ARRAY(SELECT CONCAT(cfda::json->>'cfda_number', ': ', cfda::json->>'cfda_program_title') FROM unnest(award_search.cfdas) WITH ORDINALITY AS cfdas(cfda, position) ORDER BY position), '; ')";
  }
  if (expression.startsWith('CAST(transaction_search.period_of_perf_potential_e AS date)')) {
    // The source column is free text: cast only what looks like a date instead of failing the whole
    // download on one malformed value (the reference's plain cast would raise).
    const value = 'latest_transaction.period_of_perf_potential_e';
    return `CASE WHEN ${value} ~ '^\\d{4}-\\d{2}-\\d{2}' THEN CAST(substr(${value}, 1, 10) AS date) END`;
  }
  if (expression.startsWith('CASE WHEN submission_attributes.quarter_format_flag')) return SUBMISSION_PERIOD;
  const plain = /^(?:vw_\w+\.)?(\w+) \(plain column at TAS level\)/.exec(expression);
  if (plain) return `${source.baseTable}.${plain[1]}`;
  if (/^CAST\((MAX\()?submission_attributes\.published_date\)?( AS date)?/.test(expression)) {
    // TAS level: one row per source row, so MAX over the row's own submission is its published date.
    return 'CAST(submission_attributes.published_date AS date)';
  }
  const coalesce = /^COALESCE\(lt\.(\w+), lt\.(\w+)\)/.exec(expression);
  if (coalesce) return `COALESCE(latest_transaction.${coalesce[1]}, latest_transaction.${coalesce[2]})`;
  if (
    expression.startsWith(
      'COALESCE(lt.legal_entity_zip4, CONCAT(lt.recipient_location_zip5, lt.legal_entity_zip_last4))',
    )
  ) {
    return 'COALESCE(latest_transaction.legal_entity_zip4, CONCAT(latest_transaction.recipient_location_zip5, latest_transaction.legal_entity_zip_last4))';
  }
  return fail();
}
