import { parseCsv } from '../support/csv-records';

/** Timestamp of inner file names (no microseconds) and of zip names (with them). */
export const INNER_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{2}';
export const ZIP_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{8}';

/** One data file of a zip: its parts in order, each parsed, and all data rows keyed by header. */
export interface DataFile {
  /** e.g. `All_Contracts_PrimeTransactions` (the timestamp and part removed). */
  readonly label: string;
  readonly partNames: string[];
  readonly parts: string[][][];
  readonly header: string[];
  readonly rows: Record<string, string>[];
}

/**
 * Groups a zip's entries into data files (`<label>_<ts>_<n>.csv` parts), checking on the way that every part
 * starts with the same header and ends with `\r\n`.
 */
export function dataFiles(entries: Map<string, Buffer>, extension = 'csv', delimiter = ','): DataFile[] {
  const files = new Map<string, { partNames: string[]; parts: string[][][] }>();
  const pattern = new RegExp(`^(.*)_${INNER_TS}_(\\d+)\\.${extension}$`);
  for (const [name, content] of entries) {
    const match = pattern.exec(name);
    if (!match) throw new Error(`unexpected entry ${name}`);
    const text = content.toString('utf8');
    if (!text.endsWith('\r\n')) throw new Error(`${name} does not end with CRLF`);
    const file = files.get(match[1]) ?? { partNames: [], parts: [] };
    file.partNames.push(name);
    file.parts.push(parseCsv(text, delimiter));
    files.set(match[1], file);
  }
  return [...files].map(([label, { partNames, parts }]) => {
    const header = parts[0][0];
    for (const part of parts) expect(part[0]).toEqual(header);
    const rows = parts.flatMap((part) =>
      part.slice(1).map((record) => Object.fromEntries(header.map((name, i) => [name, record[i]]))),
    );
    return { label, partNames, parts, header, rows };
  });
}
