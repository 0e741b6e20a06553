import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { runArchiveCommand } from '../../src/bulk-download/archives/archive-command.runner';
import { CatalogKey } from '../../src/catalog/catalog.types';
import { buildSelectSql } from '../../src/catalog/select-sql.util';
import { AppConfig } from '../../src/config/app-config';
import { readZip } from '../support/zip-reader';
import { parseCsv } from '../support/csv-records';

/** Runs the archive command on a database into a new storage folder; returns the folder of the zips. */
export async function writeArchives(
  databaseUrl: string,
  options: { full: boolean; delta: boolean; since?: string; now: Date },
): Promise<string> {
  const storage = await mkdtemp(join(tmpdir(), 'round-trip-'));
  const config = new AppConfig({
    DATABASE_URL: databaseUrl,
    LOCAL_STORAGE_DIR: storage,
    LOG_LEVEL: 'silent',
  });
  const report = await runArchiveCommand(
    { agencyCodes: ['All'], types: ['contracts', 'assistance'], ...options },
    config,
    databaseUrl,
  );
  if (report.failed.length) throw new Error(`archives failed: ${report.failed.join(', ')}`);
  return join(storage, 'award_data_archive');
}

/** A file as the custom downloads write it (the catalog's SELECT), in csv, tsv or pipe format. */
export async function writeCatalogFile(
  client: Client,
  key: CatalogKey,
  path: string,
  delimiter: ',' | '\t' | '|',
): Promise<void> {
  const sql = buildSelectSql(key, { permalinkHost: 'www.usaspending.gov' });
  const chunks: Buffer[] = [];
  const stream = client.query(
    copyTo(
      `COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true, DELIMITER E'${delimiter === '\t' ? '\\t' : delimiter}')`,
    ),
  );
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  // The service's files end records with \r\n.
  await writeFile(path, Buffer.concat(chunks).toString('utf8').replace(/\n/g, '\r\n'));
}

/**
 * Per data file (the zip and entry names without their timestamps), the sorted data lines: two databases
 * holding the same data give equal maps.
 */
export async function archiveLines(folder: string): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>();
  for (const zipName of (await readdir(folder)).sort()) {
    const entries = await readZip(await readFile(join(folder, zipName)));
    for (const [entry, content] of entries) {
      if (!entry.endsWith('.csv')) continue;
      const name = `${zipName.replace(/_\d{8}\.zip$/, '')}/${entry.replace(/_\d{4}-\d{2}-\d{2}_H\d{2}M\d{2}S\d{2}/, '')}`;
      files.set(name, [...(files.get(name) ?? []), ...dataLines(content.toString('utf8'), ',')]);
    }
  }
  for (const lines of files.values()) lines.sort();
  return files;
}

export function dataLines(text: string, delimiter: string): string[] {
  const records = parseCsv(text, delimiter).slice(1);
  return records.map((record) => JSON.stringify(record));
}
