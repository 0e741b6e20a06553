import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DownloadSource } from '../../src/generation/download-plan';

export interface ReferenceResult {
  seconds: number;
  csvBytes: number;
  zipBytes: number;
}

/**
 * The reference's own method on the same SQL: `psql \copy (...) to <file>` per source, then `zip`
 * of the files (generation.md §4–§12: psql to a temp file, then zipfile with zlib's default level).
 */
export function runReferenceMethod(databaseUrl: string, sources: readonly DownloadSource[]): ReferenceResult {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reference-'));
  try {
    const started = process.hrtime.bigint();
    const files: string[] = [];
    for (const source of sources) {
      if (source.sql === null) continue;
      const file = join(dir, `${source.baseName}.csv`);
      const script = join(dir, `${source.baseName}.sql`);
      writeFileSync(script, `\\copy (${source.sql.replace(/\s+/g, ' ')}) TO '${file}' WITH CSV HEADER\n`);
      execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-f', script, databaseUrl], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      files.push(file);
    }
    const zipFile = join(dir, 'reference.zip');
    execFileSync('zip', ['-q', '-j', '-6', zipFile, ...files], { stdio: 'inherit' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const csvBytes = files.reduce((total, file) => total + statSync(file).size, 0);
    return { seconds, csvBytes, zipBytes: statSync(zipFile).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
