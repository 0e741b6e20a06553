import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AwardDownloadPlanner } from '../../src/awards-download/award-download.planner';
import { AppConfig } from '../../src/config/app-config';
import { DownloadJobEntity } from '../../src/database/entities/download-job.entity';
import { parseStoredRequest } from '../../src/generation/stored-requests';
import { isFabaAwardSummaryCurrent, refreshFabaAwardSummary } from '../../src/data-model/faba-award-summary';
import { DownloadPlannerRegistry } from '../../src/generation/download-planner.registry';
import { BackendCpu, processCpuSeconds } from './cpu-usage';
import { peakMemoryMiB, startProcess, stop, waitForHttp } from './bench-processes';
import { runReferenceMethod } from './reference-method';
import { ensureTransactions } from './bench-data';

/**
 * npm run bench: one full-column transactions download of ~1,000,000 rows, end to end (request
 * accepted → zip stored) through the real API, Bull and a separate worker, against the reference's
 * method (psql \copy + zip, File C aggregated per row as the reference does) on the same data, and against the
 * COPY floor: our sources' COPY to /dev/null one after another. Prints CPU seconds per stage (PostgreSQL's
 * COPY backends, read from /proc: PostgreSQL must run on this host). Environment: BENCH_DATABASE_URL,
 * BENCH_REDIS_URL, COPY_PARALLELISM (default 3), ZIP_COMPRESSION_LEVEL (default: the service's).
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/usaspending_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const PORT = process.env.BENCH_PORT ?? '8123';
const TARGET_TRANSACTIONS = 1_000_000;
const REQUEST = {
  filters: { time_period: [{ start_date: '2007-10-01', end_date: '2027-09-30' }] },
  limit: 500_000,
};

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
  await ensureTransactions(DATABASE_URL, TARGET_TRANSACTIONS);
  const probe = new Client({ connectionString: DATABASE_URL });
  await probe.connect();
  // The bench database may predate the precomputed table, or have been loaded since: make it current.
  const summaryStarted = process.hrtime.bigint();
  if (!(await isFabaAwardSummaryCurrent(probe))) {
    await probe.query('BEGIN');
    await refreshFabaAwardSummary(probe);
    await probe.query('COMMIT');
    console.log(`refreshed faba_award_summary in ${elapsed(summaryStarted).toFixed(1)} s`);
  }
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
    COPY_PARALLELISM: process.env.COPY_PARALLELISM ?? '3',
    ZIP_COMPRESSION_LEVEL:
      process.env.ZIP_COMPRESSION_LEVEL ?? String(new AppConfig({ DATABASE_URL }).zipCompressionLevel),
  };
  const api = startProcess('main', { ...env, RUN_WORKER_IN_API: 'false' });
  const worker = startProcess('worker', { ...env, WORKER_CONCURRENCY: '1' });
  try {
    await waitForHttp(`http://127.0.0.1:${PORT}/health`, 60_000);
    const backends = new BackendCpu(probe, 'usaspending-download-copy');
    const workerCpuBefore = processCpuSeconds(worker.pid);
    backends.start();
    const ours = await postAndWait();
    const oursDatabaseCpu = await backends.stop();
    const oursWorkerCpu = processCpuSeconds(worker.pid) - workerCpuBefore;
    const workerPeak = peakMemoryMiB(worker.pid);
    if (ours.status.status !== 'finished') throw new Error(`download failed: ${String(ours.status.message)}`);

    const job = {
      requestType: 'award',
      jsonRequest: JSON.stringify(await requestOf(String(ours.status.file_name))),
    } as DownloadJobEntity;
    const request = parseStoredRequest('award', job.jsonRequest);
    const plan = await plannerOver(probe, env).plan(job, request);
    // The reference aggregates File C for every row: its SQL is ours without the precomputed values.
    const livePlan = await plannerOver(notCurrent, env).plan(job, request);
    const floor = await runReferenceMethod(DATABASE_URL, plan.sources, true);
    const reference = await runReferenceMethod(DATABASE_URL, livePlan.sources);

    const rows = Number(ours.status.total_rows);
    const zipBytes = Number(ours.status.total_size) * 1000;
    console.log(
      '\nfull-column transactions download (limit 500,000 per file) on',
      rows.toLocaleString(),
      'rows, COPY_PARALLELISM',
      env.COPY_PARALLELISM,
      'ZIP_COMPRESSION_LEVEL',
      env.ZIP_COMPRESSION_LEVEL,
      '(the reference: zip -6)',
    );
    console.table({
      'this service (POST → zip stored)': row(ours.seconds, rows, reference.csvBytes, zipBytes),
      'reference (psql \\copy + zip)': row(reference.seconds, rows, reference.csvBytes, reference.zipBytes),
      'COPY floor (our SQL to /dev/null, one after another)': row(floor.seconds, rows, reference.csvBytes, 0),
    });
    console.log('CPU seconds per stage');
    console.table({
      'this service': {
        wall: round(ours.seconds),
        'database (COPY backends)': round(oursDatabaseCpu),
        'worker (split, zip, store)': round(oursWorkerCpu),
        'psql + zip': '-',
      },
      reference: {
        wall: round(reference.seconds),
        'database (COPY backends)': round(reference.databaseCpu),
        'worker (split, zip, store)': '-',
        'psql + zip': round(reference.clientCpu),
      },
      'COPY floor': {
        wall: round(floor.seconds),
        'database (COPY backends)': round(floor.databaseCpu),
        'worker (split, zip, store)': '-',
        'psql + zip': round(floor.clientCpu),
      },
    });
    const names = plan.sources.filter((source) => source.sql !== null).map((source) => source.baseName);
    console.log('seconds per source (one after another)');
    console.table(
      Object.fromEntries(
        names.map((name, i) => [
          name.replace(/_\d{4}-.*$/, ''),
          {
            'our SQL to /dev/null': round(floor.copySeconds[i]),
            'reference \\copy': round(reference.copySeconds[i]),
          },
        ]),
      ),
    );
    console.log(`ratio reference / ours: ${(reference.seconds / ours.seconds).toFixed(2)}x`);
    console.log(`ratio COPY floor / ours: ${(floor.seconds / ours.seconds).toFixed(2)}x`);
    console.log(`worker peak memory (VmHWM): ${workerPeak.toFixed(0)} MiB`);
  } finally {
    await Promise.all([stop(api), stop(worker)]);
    await probe.end();
    rmSync(storageDir, { recursive: true, force: true });
  }
}

/** Answers the planner's "is faba_award_summary current?" with no, as for a database without it. */
const notCurrent = { query: () => Promise.resolve({ rows: [{ current: false }] }) };

function plannerOver(db: unknown, env: Record<string, string>): AwardDownloadPlanner {
  return new AwardDownloadPlanner(new AppConfig(env), new DownloadPlannerRegistry(), db as DataSource);
}

function elapsed(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function round(value: number): number {
  return Number(value.toFixed(1));
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
