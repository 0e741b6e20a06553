import { escapeIdentifier, escapeLiteral } from 'pg';
import { catalogFor, findCatalogColumn } from './catalog-lookup.util';
import { CatalogColumn, CatalogSource, SourceKey, SQL_PLACEHOLDERS } from './catalog.types';
import { closedSubmissionSql, SubmissionPeriod } from './closed-submission.util';
import { fabaAwardSummaryJoin } from './faba-award-summary-sql.util';

export interface SelectSqlOptions {
  /** Request names (or headers) in file order; all columns of the list when omitted. */
  readonly columns?: readonly string[];
  /** Host of usaspending_permalink, e.g. `www.usaspending.gov` or `localhost:3000`. */
  readonly permalinkHost: string;
  /** Required when a selected federal-account column sums over closed submissions (CLOSED_SUB). */
  readonly submissionPeriod?: SubmissionPeriod;
  /** `filters.def_codes`: restricts the DEFC-based award columns to these codes. */
  readonly defCodes?: readonly string[];
  /** Extra row conditions, already safe SQL (built by the filter service), ANDed together. */
  readonly where?: readonly string[];
  /** Condition on the aggregated values (federal-account level), already safe SQL. */
  readonly having?: string;
  readonly limit?: number;
  /** Columns written before the catalog's (the delta archives' indicator), already safe SQL; not for aggregated lists. */
  readonly leadingColumns?: readonly { readonly header: string; readonly sql: string }[];
  /**
   * The precomputed per-award File C values (`faba_award_summary`) are current: read them instead of
   * aggregating File C for every row. Ignored with `defCodes`, which restrict the aggregates.
   */
  readonly fabaAwardSummary?: boolean;
}

/**
 * The catalog columns a request selects, in request order. Names this source does not have are
 * dropped (they may belong to another file of the same download; unknownColumnNames() rejects names
 * no file knows). A repeated name is kept once: two columns with one header would make the file ambiguous.
 */
export function selectCatalogColumns(source: CatalogSource, names?: readonly string[]): CatalogColumn[] {
  if (!names) return [...source.columns];
  const selected: CatalogColumn[] = [];
  for (const name of names) {
    const column = findCatalogColumn(source, name);
    if (column && !selected.includes(column)) selected.push(column);
  }
  return selected;
}

/** 'https://<host>/award/', or '<host>/award/' when the host is a localhost address (the reference's rule). */
export function permalinkPrefix(host: string): string {
  return host.includes('localhost') ? `${host}/award/` : `https://${host}/award/`;
}

function fillPlaceholders(sql: string, options: SelectSqlOptions): string {
  let filled = sql
    .split(SQL_PLACEHOLDERS.permalinkPrefix)
    .join(escapeLiteral(permalinkPrefix(options.permalinkHost)));
  if (filled.includes(SQL_PLACEHOLDERS.closedSubmission)) {
    if (!options.submissionPeriod)
      throw new Error('A submission period is required for closed-submission sums');
    filled = filled
      .split(SQL_PLACEHOLDERS.closedSubmission)
      .join(closedSubmissionSql(options.submissionPeriod));
  }
  const codes = options.defCodes ?? [];
  const defFilter = codes.length
    ? ` AND faba.disaster_emergency_fund_code IN (${codes.map((code) => escapeLiteral(code)).join(', ')})`
    : '';
  return filled.split(SQL_PLACEHOLDERS.fabaDefCodes).join(defFilter);
}

/**
 * The source's FROM clause plus, when a selected column reads `faba_award.`, one form of the
 * award-side faba_award join: the all-awards aggregate when every row of the list is downloaded (no
 * filter, no limit), since it then costs less than computing per row; otherwise per row, whose cost
 * is bounded by the rows returned. Placeholders (DEF codes) are filled here, like the columns', in the
 * source's own FROM clause too (the recipient file aggregates File C by DEF code there).
 */
function fromClause(
  source: CatalogSource,
  columns: readonly CatalogColumn[],
  options: SelectSqlOptions,
): string {
  const from = fillPlaceholders(source.fromClause, options);
  const joins = source.fabaAwardJoin;
  if (!joins || !columns.some((column) => column.sql.includes('faba_award.'))) return from;
  const summary = options.fabaAwardSummary && !options.defCodes?.length && fabaAwardSummaryJoin(source);
  if (summary) return `${from}\n${summary}`;
  const wholeList = !options.where?.length && options.limit === undefined;
  const join = wholeList && joins.allAwards ? joins.allAwards : joins.perRow;
  return `${from}\n${fillPlaceholders(join, options)}`;
}

/**
 * `SELECT <expr> AS "<header>", ... FROM ... [WHERE ...] [GROUP BY ...] [HAVING ...] [LIMIT n]` for one
 * file. Federal-account lists group by their group_by columns (by position, so the long expressions
 * are not repeated). No ORDER BY: the reference's row order is unspecified and sorting would cost a
 * full sort before the first byte streams out.
 */
export function buildSelectSql(key: SourceKey, options: SelectSqlOptions): string {
  const source = catalogFor(key);
  const columns = selectCatalogColumns(source, options.columns);
  if (columns.length === 0) throw new Error(`No column of ${key} is selected`);
  const selectList = [...(options.leadingColumns ?? []), ...columns]
    .map((column) => `  ${fillPlaceholders(column.sql, options)} AS ${escapeIdentifier(column.header)}`)
    .join(',\n');
  const conditions = [source.rowCondition, ...(options.where ?? [])].filter((condition) => condition);
  const parts = [`SELECT\n${selectList}`, fromClause(source, columns, options)];
  if (conditions.length) parts.push(`WHERE ${conditions.map((condition) => `(${condition})`).join(' AND ')}`);
  const isAggregated = source.columns.some((column) => column.aggregation !== undefined);
  if (source.groupBy) {
    parts.push(`GROUP BY ${source.groupBy.join(', ')}`);
    if (options.having) parts.push(`HAVING ${options.having}`);
  } else if (isAggregated) {
    const positions = columns.flatMap((column, index) =>
      column.aggregation === 'group_by' ? [index + 1] : [],
    );
    if (positions.length) parts.push(`GROUP BY ${positions.join(', ')}`);
    if (options.having) parts.push(`HAVING ${options.having}`);
  }
  if (options.limit !== undefined) {
    if (!Number.isInteger(options.limit) || options.limit < 0)
      throw new RangeError(`Invalid limit ${options.limit}`);
    parts.push(`LIMIT ${options.limit}`);
  }
  return parts.join('\n');
}
