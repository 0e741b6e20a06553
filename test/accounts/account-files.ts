import type { INestApplication } from '@nestjs/common';
import { parseCsv } from '../support/csv-records';
import { downloadFiles } from '../support/download-files';

export interface AccountFile {
  name: string;
  header: string[];
  rows: Record<string, string>[];
}

/** Posts an account download, waits for its job, and parses every file of the zip by its headers. */
export async function downloadAccountFiles(
  app: INestApplication,
  body: object,
  delimiter = ',',
): Promise<{ fileName: string; files: AccountFile[]; request: Record<string, unknown> }> {
  const { response, entries } = await downloadFiles(app, '/api/v2/download/accounts/', body);
  const files = [...entries].map(([name, content]): AccountFile => {
    const [header = [], ...records] = parseCsv(content.toString('utf8'), delimiter);
    return {
      name,
      header,
      rows: records.map((record) =>
        Object.fromEntries(header.map((column, index) => [column, record[index]])),
      ),
    };
  });
  return {
    fileName: response.file_name as string,
    files,
    request: response.download_request as Record<string, unknown>,
  };
}

/** Exact cents of a COPY-rendered numeric (`-12.30`); an empty field is NULL, counted as 0. */
export function cents(value: string | undefined): bigint {
  if (!value) return 0n;
  const [whole, fraction = ''] = value.replace('-', '').split('.');
  const magnitude = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return value.startsWith('-') ? -magnitude : magnitude;
}

/** Column total in cents over rows. */
export function total(rows: readonly Record<string, string>[], column: string): bigint {
  return rows.reduce((sum, row) => sum + cents(row[column]), 0n);
}

/** The file names without their timestamp and part suffix, for order checks. */
export function stems(files: readonly AccountFile[]): string[] {
  return files.map((file) => file.name.replace(/_\d{4}-\d{2}-\d{2}_H\d{2}M\d{2}S\d{2}(_\d+)?\.\w+$/, ''));
}
