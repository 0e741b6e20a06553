import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCsvObjects } from './csv-parse.util';

/**
 * The project's data/ folder, found by walking up from this file: the same code runs from src/ under
 * ts-node and from dist/src/ when compiled, at different depths.
 */
export function projectDataDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'data', 'columns.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project data/ folder (data/columns.json)');
    dir = parent;
  }
  return join(dir, 'data');
}

/** A CSV of data/reference as objects keyed by its header. */
export function readReferenceCsv<T = Record<string, string>>(fileName: string, encoding = 'utf-8'): T[] {
  const bytes = readFileSync(join(projectDataDir(), 'reference', fileName));
  return parseCsvObjects(new TextDecoder(encoding).decode(bytes)) as T[];
}

/** m/d/yy or mm/dd/yyyy [time] → yyyy-mm-dd; two-digit years ≥ 50 are 19xx. */
export function usDateToIso(value: string | undefined): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/.exec(value?.trim() ?? '');
  if (!match) return null;
  const year = match[3].length === 4 ? match[3] : `${Number(match[3]) >= 50 ? 19 : 20}${match[3]}`;
  return `${year}-${match[1].padStart(2, '0')}-${match[2].padStart(2, '0')}`;
}
