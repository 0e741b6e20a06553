import { ClientBase, escapeIdentifier } from 'pg';
import { CatalogKey } from '../catalog/catalog.types';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { headerTargets, HeaderTarget } from './header-mapping.util';
import { StagePlan } from './stage-copy.util';

export const STAGE_TABLE = 'import_stage';

/**
 * Storage options of a staging table: rows stay whole and uncompressed in their page. A staged transaction row
 * is ~3 kB, over the 2 kB at which PostgreSQL compresses values one by one and moves them out of line by
 * default; staging 27,059 contract rows took 9.2 s that way and 2.4 s stored plainly, and reading them back
 * for the upsert half as long.
 */
export const STAGE_STORAGE = 'WITH (toast_tuple_target = 8160)';

/** A staged header: where it goes and the staging column holding it (named after the header). */
export interface StagedHeader {
  readonly header: string;
  readonly target: Exclude<HeaderTarget, { kind: 'derived' }> | { kind: 'indicator' };
}

async function columnTypes(client: ClientBase, table: string): Promise<Map<string, string>> {
  const result = await client.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute AS a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [table],
  );
  return new Map(result.rows.map((row) => [row.name, row.type]));
}

/**
 * (Re)creates the staging table for a file of `key` with these headers, one column per header in file order: a
 * header the catalog maps to a table column is typed as that column (so COPY rejects a bad value with its line
 * and header); districts, the delta indicator and derived headers (recomputed, never read) are text.
 * `stage_row` keeps the file order.
 */
export async function createStageTable(
  client: ClientBase,
  key: CatalogKey,
  headers: readonly string[],
): Promise<{ plan: StagePlan; staged: StagedHeader[] }> {
  const base = await columnTypes(client, catalogFor(key).baseTable);
  const award = await columnTypes(client, 'award_search');
  const targets = new Map(headerTargets(key).map(({ header, target }) => [header, target]));
  const staged: StagedHeader[] = [];
  const columns: { index: number; name: string; type: string }[] = [];
  headers.forEach((header, index) => {
    const target =
      header === 'correction_delete_ind' ? ({ kind: 'indicator' } as const) : targets.get(header);
    let type = 'text';
    if (target && target.kind !== 'derived') {
      if (target.kind === 'column') type = base.get(target.column) ?? 'text';
      if (target.kind === 'award') type = award.get(target.column) ?? 'text';
      staged.push({ header, target });
    }
    // COPY takes the file as it is, so every header has a column; derived ones are read as text and ignored.
    columns.push({ index, name: header, type });
  });
  await client.query(`DROP TABLE IF EXISTS ${STAGE_TABLE} CASCADE`);
  await client.query(
    `CREATE TEMP TABLE ${STAGE_TABLE} (stage_row bigserial, ${columns
      .map((column) => `${escapeIdentifier(column.name)} ${column.type}`)
      .join(', ')}) ${STAGE_STORAGE} ON COMMIT DROP`,
  );
  return { plan: { table: STAGE_TABLE, columns }, staged };
}

/**
 * State columns that only the district headers carry (`TN-04`): filled from their prefix, first header wins.
 * The district columns themselves come from stagedColumns(..., 'district').
 */
export function statesFromDistricts(staged: readonly StagedHeader[]): { column: string; value: string }[] {
  const direct = new Set(stagedColumns(staged, 'column').map((entry) => entry.column));
  const states = new Map<string, string>();
  for (const entry of staged) {
    if (entry.target.kind !== 'district' || direct.has(entry.target.stateColumn)) continue;
    const value = `s.${escapeIdentifier(entry.header)}`;
    if (!states.has(entry.target.stateColumn))
      states.set(
        entry.target.stateColumn,
        `CASE WHEN ${value} LIKE '%-%' THEN split_part(${value}, '-', 1) END`,
      );
  }
  return [...states].map(([column, value]) => ({ column, value }));
}

/** `s."<header>"` for each staged header of a target kind, with its table column. */
export function stagedColumns(
  staged: readonly StagedHeader[],
  kind: 'column' | 'district' | 'award',
): { header: string; column: string; value: string }[] {
  return staged.flatMap((entry) => {
    if (entry.target.kind !== kind) return [];
    const value = `s.${escapeIdentifier(entry.header)}`;
    const column = entry.target.column;
    return [
      {
        header: entry.header,
        column,
        value: kind === 'district' ? `regexp_replace(${value}, '^.*-', '')` : value,
      },
    ];
  });
}

/** Drops later entries for a column already listed (two district headers may name one state column). */
export function uniqueColumns<T extends { column: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.column) && seen.add(entry.column));
}
