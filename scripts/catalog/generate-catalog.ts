/**
 * Generates src/catalog/generated/*.catalog.ts from data/columns.json — run once per columns.json
 * change and commit the output:
 *
 *   npx ts-node --transpile-only scripts/catalog/generate-catalog.ts
 *
 * Each columns.json entry becomes { header, requestName, sql, aggregation? }:
 *   field      → `<join alias>.<column>` (alias from the entry's last `via` hop, see catalog-sources.ts);
 *   annotation → the computation of generation.md §1 translated by annotation-sql.ts;
 *   aggregate  → the federal-account aggregation wrapped around the resolved column.
 * Reference mapping bugs are fixed, not copied: see column-fixes.ts (each fix is also commented in
 * the generated file next to its column).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { Aggregation, CATALOG_KEYS, CatalogKey, SQL_PLACEHOLDERS } from '../../src/catalog/catalog.types';
import { annotationSql, stringAggDistinct } from './annotation-sql';
import { HOP_ALIASES, SOURCES, SourceDefinition, VIEW_COLUMNS } from './catalog-sources';
import { findColumnFix } from './column-fixes';
import { fabaAwardJoins } from './faba-award-sql';

interface ColumnsJsonEntry {
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

interface GeneratedColumn {
  header: string;
  requestName: string;
  sql: string;
  aggregation?: Aggregation;
  separator?: string;
  note?: string;
}

const UNIQUE_JOINS = ['submission_attributes', 'treasury_appropriation_account', 'federal_account'];
const ROOT = join(__dirname, '..', '..');
const OUTPUT_DIR = join(ROOT, 'src', 'catalog', 'generated');

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

function translate(entry: ColumnsJsonEntry, source: SourceDefinition, level: string): GeneratedColumn {
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
    const sql = annotationSql(entry, source);
    return entry.aggregation === 'group_by' ? { ...base, sql, aggregation: 'group_by' } : { ...base, sql };
  }
  if (!column) throw new Error(`${entry.header}: field without column`);
  const inner = resolveField(entry, column, source);
  if (entry.kind === 'aggregate') return { ...base, ...aggregate(entry, inner), note };
  const aggregation = entry.aggregation === 'group_by' ? { aggregation: 'group_by' as const } : {};
  return { ...base, sql: inner, ...aggregation, note };
}

const constantName = (key: CatalogKey): string => `${key.replace('.', '_').toUpperCase()}_CATALOG`;
const fileName = (key: CatalogKey): string => `${key.replace('.', '-').replace(/_/g, '-')}.catalog.ts`;
const quote = (value: string): string => JSON.stringify(value);

function renderFabaAwardJoin(source: SourceDefinition): string[] {
  if (!source.awardIdSql) return [];
  const joins = fabaAwardJoins(source.awardIdSql, source.fabaAllAwards ?? false);
  return [
    '  fabaAwardJoin: {',
    `    perRow: ${quote(joins.perRow)},`,
    ...(joins.allAwards ? [`    allAwards: ${quote(joins.allAwards)},`] : []),
    '  },',
  ];
}

function render(key: CatalogKey, source: SourceDefinition, columns: GeneratedColumn[]): string {
  const level = key.split('.')[1];
  const rowCondition = source.rowConditions[level];
  const lines = [
    '// GENERATED by scripts/catalog/generate-catalog.ts from data/columns.json. Do not edit by hand.',
    "import { CatalogSource } from '../catalog.types';",
    '',
    `export const ${constantName(key)}: CatalogSource = {`,
    `  key: ${quote(key)},`,
    `  baseTable: ${quote(source.baseTable)},`,
    `  fromClause: ${quote(source.fromClause)},`,
    ...renderFabaAwardJoin(source),
    ...(rowCondition ? [`  rowCondition: ${quote(rowCondition)},`] : []),
    '  headers: [',
    ...columns.map((column) => `    ${quote(column.header)},`),
    '  ],',
    '  columns: [',
  ];
  for (const column of columns) {
    if (column.note) lines.push(`    // ${column.note}`);
    const aggregation =
      (column.aggregation ? `, aggregation: ${quote(column.aggregation)}` : '') +
      (column.separator !== undefined ? `, separator: ${quote(column.separator)}` : '');
    lines.push(
      `    { header: ${quote(column.header)}, requestName: ${quote(column.requestName)}, sql: ${quote(column.sql)}${aggregation} },`,
    );
  }
  lines.push('  ],', '};', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const json = JSON.parse(readFileSync(join(ROOT, 'data', 'columns.json'), 'utf8')) as Record<
    string,
    Record<string, ColumnsJsonEntry[]>
  >;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const exports: string[] = [];
  for (const key of CATALOG_KEYS) {
    const [fileType, level] = key.split('.');
    const source = SOURCES.find((candidate) => candidate.fileType === fileType);
    const entries = json[fileType]?.[level];
    if (!source || !entries) throw new Error(`columns.json has no list ${key}`);
    const columns = entries.map((entry) => translate(entry, source, level));
    await writeFormatted(join(OUTPUT_DIR, fileName(key)), render(key, source, columns));
    exports.push(`export { ${constantName(key)} } from './${fileName(key).replace(/\.ts$/, '')}';`);
    console.log(`${key}: ${columns.length} columns`);
  }
  const index = ['// GENERATED by scripts/catalog/generate-catalog.ts. Do not edit by hand.', ...exports, ''];
  await writeFormatted(join(OUTPUT_DIR, 'index.ts'), index.join('\n'));
}

/** Output in the project's Prettier style, so `npm run format` never rewrites generated files. */
async function writeFormatted(path: string, source: string): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(source, { ...options, filepath: path }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
