import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { COPY_SESSION_OPTIONS } from '../../src/generation/copy-stream.repository';
import { DownloadSource } from '../../src/generation/download-plan';
import { BackendCpu } from './cpu-usage';

export interface ReferenceResult {
  seconds: number;
  csvBytes: number;
  zipBytes: number;
  /** CPU seconds of the PostgreSQL processes running the COPYs. */
  databaseCpu: number;
  /** CPU seconds of psql and zip. */
  clientCpu: number;
  /** Seconds of each source's COPY, in plan order. */
  copySeconds: number[];
}

const APPLICATION_NAME = 'usaspending-bench-reference';

/** Runs a command to its end; resolves with the CPU seconds it used (user + system, by GNU time). */
function run(command: string, args: string[], dir: string, pgOptions?: string): Promise<number> {
  const usage = join(dir, 'time.txt');
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', usage, command, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PGAPPNAME: APPLICATION_NAME, ...(pgOptions ? { PGOPTIONS: pgOptions } : {}) },
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${command} exited with ${code}`));
      const [user, system] = readFileSync(usage, 'utf8').trim().split(/\s+/).map(Number);
      resolve(user + system);
    });
  });
}

/**
 * The reference's own method on the given SQL: `psql \copy (...) to <file>` per source, one after another,
 * then `zip` of the files (psql to a temp file, then a zip with zlib's default level). With `toDevNull` the
 * COPYs write nowhere and nothing is zipped, under the service's COPY settings: the COPY floor of those sources.
 */
export async function runReferenceMethod(
  databaseUrl: string,
  sources: readonly DownloadSource[],
  toDevNull = false,
): Promise<ReferenceResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reference-'));
  const probe = new Client({ connectionString: databaseUrl });
  await probe.connect();
  const backends = new BackendCpu(probe, APPLICATION_NAME);
  try {
    backends.start();
    const started = process.hrtime.bigint();
    const files: string[] = [];
    const copySeconds: number[] = [];
    let clientCpu = 0;
    for (const source of sources) {
      if (source.sql === null) continue;
      const file = toDevNull ? '/dev/null' : join(dir, `${source.baseName}.csv`);
      const script = join(dir, `${source.baseName}.sql`);
      writeFileSync(script, `\\copy (${source.sql.replace(/\s+/g, ' ')}) TO '${file}' WITH CSV HEADER\n`);
      const copyStarted = process.hrtime.bigint();
      // The floor runs under the service's COPY settings; the reference under PostgreSQL's defaults.
      const options = toDevNull ? COPY_SESSION_OPTIONS : undefined;
      clientCpu += await run(
        'psql',
        ['-q', '-v', 'ON_ERROR_STOP=1', '-f', script, databaseUrl],
        dir,
        options,
      );
      copySeconds.push(Number(process.hrtime.bigint() - copyStarted) / 1e9);
      if (!toDevNull) files.push(file);
    }
    const zipFile = join(dir, 'reference.zip');
    if (!toDevNull) clientCpu += await run('zip', ['-q', '-j', '-6', zipFile, ...files], dir);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const databaseCpu = await backends.stop();
    const csvBytes = files.reduce((total, file) => total + statSync(file).size, 0);
    const zipBytes = toDevNull ? 0 : statSync(zipFile).size;
    return { seconds, csvBytes, zipBytes, databaseCpu, clientCpu, copySeconds };
  } finally {
    await backends.stop();
    await probe.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
