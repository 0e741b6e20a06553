import { Aggregation, SQL_PLACEHOLDERS } from '../../src/catalog/catalog.types';
import { annotationSql, stringAggDistinct } from './annotation-sql';
import { HOP_ALIASES, SourceDefinition, VIEW_COLUMNS } from './catalog-sources';
import { findColumnFix } from './column-fixes';
import { gtasAnnotationSql } from './disaster-sql';

/**
 * columns.json entry → catalog column:
 *   field      → `<join alias>.<column>` (alias from the entry's last `via` hop, see catalog-sources.ts);
 *   annotation → the computation columns.json describes, translated by annotation-sql.ts
 *                (disaster-sql.ts for the GTAS balances);
 *   aggregate  → the federal-account aggregation wrapped around the resolved column.
 */

export interface ColumnsJsonEntry {
  header: string;
  request_name?: string;
  source: string;
  kind: 'field' | 'annotation' | 'aggregate';
  table?: string;
  column?: string;
  via?: string[];
  expression?: string;
  aggregation?: string;
}

export interface GeneratedColumn {
  header: string;
  requestName: string;
  sql: string;
  aggregation?: Aggregation;
  separator?: string;
  note?: string;
}

const UNIQUE_JOINS = ['submission_attributes', 'treasury_appropriation_account', 'federal_account'];

function resolveField(entry: ColumnsJsonEntry, column: string, source: SourceDefinition): string {
  const via = entry.via ?? [];
  if (via.length === 0) {
    if (entry.table === source.referenceBase) return VIEW_COLUMNS[column] ?? `${source.baseTable}.${column}`;
    // A few aggregates name their table without hops; those tables are joined once, under their own name.
    if (entry.table && UNIQUE_JOINS.includes(entry.table)) return `${entry.table}.${column}`;
    throw new Error(
      `${source.fileType} ${entry.header}: ${entry.table} is neither the base nor a unique join`,
    );
  }
  const hop = via[via.length - 1];
  const alias = HOP_ALIASES[hop] ?? HOP_ALIASES[hop.replace(`${source.referenceBase}.`, '<base>.')];
  if (!alias) throw new Error(`${source.fileType} ${entry.header}: no join alias for hop "${hop}"`);
  return `${alias}.${column}`;
}

function aggregate(
  entry: ColumnsJsonEntry,
  inner: string,
): { sql: string; aggregation: Aggregation; separator?: string } {
  const kind = entry.aggregation ?? '';
  if (kind === 'sum') return { sql: `SUM(${inner})`, aggregation: 'sum' };
  if (kind === 'sum_closed_submission') {
    return {
      sql: `SUM(CASE WHEN ${SQL_PLACEHOLDERS.closedSubmission} THEN ${inner} END)`,
      aggregation: kind,
    };
  }
  if (kind === 'max') {
    const asDate = entry.expression?.includes('AS date') ?? false;
    return { sql: asDate ? `CAST(MAX(${inner}) AS date)` : `MAX(${inner})`, aggregation: 'max' };
  }
  const separator = /^string_agg_distinct\('(.*)'\)$/.exec(kind)?.[1];
  if (separator !== undefined) {
    return { sql: stringAggDistinct(inner, separator), aggregation: 'string_agg_distinct', separator };
  }
  throw new Error(`${entry.header}: unknown aggregation "${kind}"`);
}

/** One columns.json entry as a catalog column of `source` (at `level`), with the column fixes applied. */
export function translate(entry: ColumnsJsonEntry, source: SourceDefinition, level: string): GeneratedColumn {
  const base = { header: entry.header, requestName: entry.request_name ?? entry.header };
  const fix = findColumnFix(source.fileType, level, entry.header);
  if (fix && fix.referenceColumn !== entry.column) {
    throw new Error(
      `Fix for ${entry.header} expects ${fix.referenceColumn}, columns.json has ${entry.column}`,
    );
  }
  const note = fix ? `Fixed reference bug: ${fix.why}.` : undefined;
  const column = fix?.column ?? entry.column;
  if (entry.kind === 'annotation') {
    const sql =
      source.fileType === 'gtas_balances' ? gtasAnnotationSql(entry.header) : annotationSql(entry, source);
    return entry.aggregation === 'group_by' ? { ...base, sql, aggregation: 'group_by' } : { ...base, sql };
  }
  if (!column) throw new Error(`${entry.header}: field without column`);
  const inner = resolveField(entry, column, source);
  if (entry.kind === 'aggregate') return { ...base, ...aggregate(entry, inner), note };
  const aggregation = entry.aggregation === 'group_by' ? { aggregation: 'group_by' as const } : {};
  return { ...base, sql: inner, ...aggregation, note };
}
