import { SQL_PLACEHOLDERS } from '../../src/catalog/catalog.types';
import { SourceDefinition } from './catalog-sources';
import { fabaAwardColumn } from './faba-award-sql';

/**
 * Translates the computed ("annotation") entries of columns.json — written in the vocabulary of
 * docs/compatibility.md#catalog-expressions — into SQL. Each pattern below is one computation of the reference; an expression
 * matching none of them stops the generator, so a new columns.json cannot silently lose a column.
 */

// Defined beside the FABA aggregates that use it; generate-catalog.ts takes it from here.
export { stringAggDistinct } from './faba-award-sql';

/**
 * Characters urlencode() (a non-inlinable SQL function, ~2.5 µs a call) leaves as they are. Almost
 * every award id consists of them only, so the permalink tests this in line — the function's own
 * first branch, same regex — and calls urlencode() only for the rest. NULL stays NULL (STRICT).
 */
const URL_SAFE = "'^[A-Za-z0-9_.~-]*$'";
const urlEncoded = (value: string): string =>
  `CASE WHEN ${value} ~ ${URL_SAFE} THEN ${value} ELSE urlencode(${value}) END`;

export const fiscalYear = (date: string): string =>
  `EXTRACT(YEAR FROM ${date} + INTERVAL '3 months')::integer`;

export const congressionalDistrict = (state: string, district: string): string =>
  `CASE WHEN ${state} IS NOT NULL AND ${district} IS NOT NULL AND ${state} <> '' THEN ${state} || '-' || ${district} ELSE ${district} END`;

export const SUBMISSION_PERIOD =
  "CASE WHEN submission_attributes.quarter_format_flag THEN 'FY' || submission_attributes.reporting_fiscal_year || 'Q' || submission_attributes.reporting_fiscal_quarter ELSE 'FY' || submission_attributes.reporting_fiscal_year || 'P' || LPAD(submission_attributes.reporting_fiscal_period::text, 2, '0') END";

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
  if (expression.includes('financial_accounts_by_awards (FABA)')) {
    // Award-level File C values: one aggregate of the source's faba_award join (faba-award-sql.ts).
    if (!source.awardIdSql) return fail();
    const group = /group_name = '(\w+)'/.exec(expression)?.[1];
    if (expression.includes('CONCAT(disaster_emergency_fund_code.code')) return fabaAwardColumn('def_codes');
    if (group && expression.includes('FABA_FINAL')) return fabaAwardColumn(`${group}_outlays`);
    if (group && expression.includes('FABA_CLOSED')) return fabaAwardColumn(`${group}_obligations`);
    if (expression.includes('FABA_FINAL (no DEFC restriction)')) return fabaAwardColumn('total_outlays');
    if (expression.includes('treasury_appropriation_account.tas_rendering_label'))
      return fabaAwardColumn('treasury_accounts');
    if (expression.includes('federal_account.federal_account_code'))
      return fabaAwardColumn('federal_accounts');
    if (expression.includes('CONCAT(object_class.object_class')) return fabaAwardColumn('object_classes');
    if (expression.includes('CONCAT(ref_program_activity.program_activity_code'))
      return fabaAwardColumn('program_activities');
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
    return `CONCAT(${prefix}, ${urlEncoded(`${aliasOf(permalink[1], expression, source)}.generated_unique_award_id`)}, '/')`;
  }
  if (expression.startsWith('CASE WHEN award_search.generated_unique_award_id IS NOT NULL THEN CONCAT(')) {
    return `CASE WHEN award_search.generated_unique_award_id IS NOT NULL THEN CONCAT(${prefix}, ${urlEncoded('award_search.generated_unique_award_id')}, '/') ELSE '' END`;
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
