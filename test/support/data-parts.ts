import { parseCsv } from './csv-records';

/** The parts of one data file of a zip (`<base>_1.<ext>`, `<base>_2.<ext>`, ...), checked and joined. */
export interface DataParts {
  readonly partNames: string[];
  readonly header: string[];
  /** Data records of every part in order (each part's header row removed). */
  readonly records: string[][];
}

/**
 * Groups a zip's data entries by base name (what precedes `_<n>.<ext>`), checking on the way that the parts
 * are numbered 1, 2, ... without gaps, each starts with the same header and every record ends with `\r\n`.
 * Entries that are no data part (readme, data dictionary, 0-byte files) are left out.
 */
export function dataParts(
  entries: Map<string, Buffer>,
  extension = 'csv',
  delimiter = ',',
): Map<string, DataParts> {
  const grouped = new Map<string, { partNames: string[]; parsed: string[][][] }>();
  const pattern = new RegExp(`^(.*)_(\\d+)\\.${extension}$`);
  for (const [name, content] of entries) {
    const match = pattern.exec(name);
    if (!match || content.length === 0) continue;
    const text = content.toString('utf8');
    if (!text.endsWith('\r\n')) throw new Error(`${name} does not end with CRLF`);
    if (text.replace(/\r\n/g, '').includes('\n') && !text.includes('"'))
      throw new Error(`${name} has a bare LF outside quotes`);
    const group = grouped.get(match[1]) ?? { partNames: [], parsed: [] };
    if (Number(match[2]) !== group.partNames.length + 1) throw new Error(`${name} is out of sequence`);
    group.partNames.push(name);
    group.parsed.push(parseCsv(text, delimiter));
    grouped.set(match[1], group);
  }
  const result = new Map<string, DataParts>();
  for (const [base, { partNames, parsed }] of grouped) {
    const header = parsed[0][0];
    for (const part of parsed) {
      if (part[0].join('\u0000') !== header.join('\u0000'))
        throw new Error(`${base}: parts differ in header`);
    }
    result.set(base, { partNames, header, records: parsed.flatMap((part) => part.slice(1)) });
  }
  return result;
}
