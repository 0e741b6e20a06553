import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { runArchiveCommand } from '../../src/bulk-download/archives/archive-command.runner';
import { AppConfig } from '../../src/config/app-config';
import { expandInputs } from '../../src/import/import-inputs.util';
import { writeCatalogFiles } from './catalog-files';

/**
 * The round trip at bench size: the imported database writes its full archives, subaward and account files
 * again, and every data file must hold the same multiset of lines as the file it was imported from. Lines are compared by their SHA-1, sorted,
 * so a million lines cost tens of MB, not the files' size. Returns a line per differing file (none: identical).
 */
export async function verifyRoundTrip(
  databaseUrl: string,
  imported: { archives: string; otherFiles: string },
  workFolder: string,
): Promise<{ files: number; lines: number; differences: string[] }> {
  await rm(workFolder, { recursive: true, force: true });
  const config = new AppConfig({
    DATABASE_URL: databaseUrl,
    LOCAL_STORAGE_DIR: workFolder,
    LOG_LEVEL: 'warn',
  });
  const report = await runArchiveCommand(
    { agencyCodes: ['All'], types: ['contracts', 'assistance'], full: true, delta: false },
    config,
    databaseUrl,
  );
  if (report.failed.length) throw new Error(`archives failed: ${report.failed.join(', ')}`);
  const written = await writeCatalogFiles(databaseUrl, join(workFolder, 'other_files'));
  const before = await lineHashes([imported.archives, imported.otherFiles]);
  const after = await lineHashes([join(workFolder, 'award_data_archive'), written]);
  const differences: string[] = [];
  let lines = 0;
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const [left, right] = [before.get(name) ?? [], after.get(name) ?? []];
    lines += left.length;
    const missing = countMissing(left, right);
    const extra = countMissing(right, left);
    if (missing || extra) differences.push(`${name}: ${missing} lines missing, ${extra} lines added`);
  }
  await rm(workFolder, { recursive: true, force: true });
  return { files: before.size, lines, differences };
}

/**
 * Per data file — the zip and entry names without their dates, the parts of a split file together — the sorted
 * hashes of its lines (the header included).
 */
async function lineHashes(folders: readonly string[]): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>();
  for (const input of await expandInputs(folders)) {
    const [zip, entry] = input.name.split(':');
    const name = `${basename(zip).replace(/_\d{8}\.zip$/, '')}/${(entry ?? '')
      .replace(/_\d{4}-\d{2}-\d{2}_H\d{2}M\d{2}S\d{2}/, '')
      .replace(/_\d+\.csv$/, '.csv')}`;
    const hashes = files.get(name) ?? [];
    for await (const line of createInterface({ input: await input.open(), crlfDelay: Infinity }))
      hashes.push(createHash('sha1').update(line).digest('base64'));
    files.set(name, hashes);
  }
  for (const hashes of files.values()) hashes.sort();
  return files;
}

/** How many entries of sorted `left` have no match in sorted `right` (multiset difference). */
function countMissing(left: readonly string[], right: readonly string[]): number {
  let missing = 0;
  let j = 0;
  for (const value of left) {
    while (j < right.length && right[j] < value) j++;
    if (j < right.length && right[j] === value) j++;
    else missing++;
  }
  return missing;
}
