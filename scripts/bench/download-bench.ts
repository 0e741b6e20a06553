import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AwardDownloadPlanner } from '../../src/awards-download/award-download.planner';
import { AppConfig } from '../../src/config/app-config';
import { DownloadJobEntity } from '../../src/database/entities/download-job.entity';
import { parseStoredRequest } from '../../src/generation/stored-requests';
import { DownloadPlannerRegistry } from '../../src/generation/download-planner.registry';
import { peakMemoryMiB, startProcess, stop, waitForHttp } from './bench-processes';
import { runReferenceMethod } from './reference-method';

/**
 * npm run bench: one full-column transactions download of ~1,000,000 rows, end to end (request
 * accepted → zip stored) through the real API, Bull and a separate worker, against the reference's
 * method (psql \copy + zip) on the same SQL and data. Environment: BENCH_DATABASE_URL, BENCH_REDIS_URL.
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/usaspending_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const PORT = process.env.BENCH_PORT ?? '8123';
const TARGET_TRANSACTIONS = 1_000_000;
const REQUEST = {
  filters: { time_period: [{ start_date: '2007-10-01', end_date: '2027-09-30' }] },
  limit: 500_000,
};

async function ensureData(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const admin = new Client({ connectionString: DATABASE_URL.replace(url.pathname, '/postgres') });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [url.pathname.slice(1)]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${JSON.stringify(url.pathname.slice(1))}`);
  await admin.end();
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  const found = await client
    .query<{ n: string }>('SELECT count(*) AS n FROM transaction_search')
    .then((result) => Number(result.rows[0].n))
    .catch(() => 0);
  await client.end();
  if (found >= TARGET_TRANSACTIONS)
    return console.log(`reusing ${found} transactions in ${url.pathname.slice(1)}`);
  console.log('seeding 240,000 awards (~1,018,000 transactions)...');
  const seedCli = join(__dirname, '..', '..', 'src', 'seed', 'seed.cli.ts');
  execFileSync(
    'npx',
    ['ts-node', '--transpile-only', seedCli, '--awards', '240000', '--reset', '--database-url', DATABASE_URL],
    {
      stdio: 'inherit',
    },
  );
}

async function postAndWait(): Promise<{ seconds: number; status: Record<string, unknown> }> {
  const base = `http://127.0.0.1:${PORT}`;
  const started = process.hrtime.bigint();
  const posted = await fetch(`${base}/api/v2/download/transactions/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(REQUEST),
  });
  const { file_name: fileName } = (await posted.json()) as { file_name: string };
  for (;;) {
    const status = (await (
      await fetch(`${base}/api/v2/download/status?file_name=${fileName}`)
    ).json()) as Record<string, unknown>;
    if (status.status === 'finished' || status.status === 'failed') {
      return { seconds: Number(process.hrtime.bigint() - started) / 1e9, status };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  await ensureData();
  const storageDir = mkdtempSync(join(tmpdir(), 'bench-storage-'));
  const env = {
    DATABASE_URL,
    REDIS_URL,
    PORT,
    LOCAL_STORAGE_DIR: storageDir,
    LOG_LEVEL: 'warn',
    DOWNLOAD_CACHE_ENABLED: 'false',
    SEED_IF_EMPTY: 'false',
    QUEUE_PREFIX: `bench-${Date.now()}`,
  };
  const api = startProcess('main', { ...env, RUN_WORKER_IN_API: 'false' });
  const worker = startProcess('worker', { ...env, WORKER_CONCURRENCY: '1' });
  try {
    await waitForHttp(`http://127.0.0.1:${PORT}/health`, 60_000);
    const ours = await postAndWait();
    const workerPeak = peakMemoryMiB(worker.pid);
    if (ours.status.status !== 'finished') throw new Error(`download failed: ${String(ours.status.message)}`);

    const planner = new AwardDownloadPlanner(new AppConfig(env), new DownloadPlannerRegistry());
    const job = {
      requestType: 'award',
      jsonRequest: JSON.stringify(await requestOf(String(ours.status.file_name))),
    } as DownloadJobEntity;
    const plan = await planner.plan(job, parseStoredRequest('award', job.jsonRequest));
    const reference = runReferenceMethod(DATABASE_URL, plan.sources);

    const rows = Number(ours.status.total_rows);
    const zipBytes = Number(ours.status.total_size) * 1000;
    console.log(
      '\nfull-column transactions download (limit 500,000 per file) on',
      rows.toLocaleString(),
      'rows',
    );
    console.table({
      'this service (POST → zip stored)': row(ours.seconds, rows, reference.csvBytes, zipBytes),
      'reference (psql \\copy + zip)': row(reference.seconds, rows, reference.csvBytes, reference.zipBytes),
    });
    console.log(`ratio reference / ours: ${(reference.seconds / ours.seconds).toFixed(2)}x`);
    console.log(`worker peak memory (VmHWM): ${workerPeak.toFixed(0)} MiB`);
  } finally {
    await Promise.all([stop(api), stop(worker)]);
    rmSync(storageDir, { recursive: true, force: true });
  }
}

function row(seconds: number, rows: number, csvBytes: number, zipBytes: number) {
  return {
    seconds: Number(seconds.toFixed(1)),
    'rows/s': Math.round(rows / seconds),
    'CSV MB/s': Number((csvBytes / 1e6 / seconds).toFixed(1)),
    'zip MB': Number((zipBytes / 1e6).toFixed(1)),
  };
}

async function requestOf(fileName: string): Promise<unknown> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ json_request: string }>(
      'SELECT json_request FROM download_job WHERE file_name = $1',
      [fileName],
    );
    return JSON.parse(result.rows[0].json_request);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
