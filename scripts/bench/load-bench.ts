/**
 * npm run bench:load: status and count routes under 100 concurrent clients on loopback.
 *
 * Seeds (or reuses) ~1,000,000 transactions in BENCH_DATABASE_URL (default usaspending_bench), starts
 * the built API (with its in-process worker) and finishes one small download per client, then:
 *   0. a warm-up, not reported: LOAD_WARMUP (default 200) status polls per client, so the API's code runs in
 *      its optimizing compiler's tier, as in a service that has been answering polls for a while (the first
 *      few thousand requests cost a quarter more CPU);
 *   1. LOAD_CLIENTS clients (default 100) each send LOAD_REQUESTS (default 50) GET /api/v2/download/status:
 *      all for the first file, back to back (the throughput limit); each for its own file, back to back
 *      (the service reads every file polled in one round with one query, so distinct files must not be
 *      slower); then each for its own file once every LOAD_PACE_MS (default 100 ms, i.e. 1,000
 *      requests/s offered);
 *   2. the same clients POST /api/v2/download/count/ with the fixed list of realistic requests
 *      (scripts/bench/realistic-requests.ts). First with the count cache empty, as a burst: all clients
 *      send the same new request at once (a page of the website opened by many users after a data load),
 *      one distinct request after another — each is computed once and every client waits for that one
 *      count, so a client's latency is the count's own time plus the wait for it. Then the cached
 *      counts, each client starting at a different request, back to back and paced.
 *   Distinct cold counts sent all at once are not timed: 38 different counts at the same moment share
 *   2 cores, so each takes about the sum of them all, whatever the service does.
 * Prints p50/p95/p99/max latency, throughput and the CPU microseconds per request of the API process and of
 * the load generator per phase, against the targets (status p99 ≤ 50 ms, count p99 ≤ 300 ms). Bounded:
 * clients × requests per phase, no open-ended run. The load generator runs on the same machine, so
 * back-to-back figures include its own CPU use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startProcess, stop, waitForHttp } from './bench-processes';
import { processCpuSeconds } from './cpu-usage';
import { ensureTransactions, percentile } from './bench-data';
import { realisticCountRequests } from './realistic-requests';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/usaspending_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const PORT = process.env.BENCH_PORT ?? '8124';
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 100);
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 50);
const WARMUP_REQUESTS = Number(process.env.LOAD_WARMUP ?? 200);
/** Paced phases: each client sends one request per this many ms (the website polls every few seconds). */
const PACE_MS = Number(process.env.LOAD_PACE_MS ?? 100);
const BASE = `http://127.0.0.1:${PORT}`;

interface PhaseResult {
  phase: string;
  requests: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
  target: string;
}

/**
 * The load's client: node's http with one kept-alive socket per client. fetch costs this machine about
 * twice the CPU per request, and the generator shares the 2 cores with the service it measures.
 */
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

interface Sent {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

function send({ method, path, body }: Sent): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'Content-Type': 'application/json' };
    const outgoing = request({ host: '127.0.0.1', port: PORT, path, method, agent, headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function timed(sent: Sent): Promise<{ ms: number; ok: boolean }> {
  const started = process.hrtime.bigint();
  try {
    const status = await send(sent);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, ok: status >= 200 && status < 300 };
  } catch {
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, ok: false };
  }
}

/** Every client sends the same request at the same moment; the next request once all have answered. */
async function burstPhase(
  name: string,
  targetMs: number,
  requests: readonly (() => Sent)[],
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let failed = 0;
  const started = process.hrtime.bigint();
  for (const request of requests) {
    const results = await Promise.all(Array.from({ length: CLIENTS }, () => timed(request())));
    for (const { ms, ok } of results) {
      latencies.push(ms);
      if (!ok) failed++;
    }
  }
  return summary(name, targetMs, latencies, failed, Number(process.hrtime.bigint() - started) / 1e9);
}

function summary(
  name: string,
  targetMs: number,
  latencies: number[],
  failed: number,
  seconds: number,
): PhaseResult {
  const p99 = percentile(latencies, 0.99);
  return {
    phase: name,
    requests: latencies.length,
    failed,
    p50: Math.round(percentile(latencies, 0.5)),
    p95: Math.round(percentile(latencies, 0.95)),
    p99: Math.round(p99),
    max: Math.round(Math.max(...latencies)),
    perSecond: Math.round(latencies.length / seconds),
    target: `p99 ≤ ${targetMs} ms: ${p99 <= targetMs ? 'met' : 'MISSED'}`,
  };
}

/** intervalMs 0: each client sends its next request as soon as the previous one answered. */
async function phase(
  name: string,
  targetMs: number,
  request: (client: number, index: number) => Sent,
  intervalMs = 0,
  requests = REQUESTS,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let failed = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      // Paced clients start spread over one interval, as independent pollers would.
      if (intervalMs) await sleep((client / CLIENTS) * intervalMs);
      for (let index = 0; index < requests; index++) {
        const sent = Date.now();
        const { ms, ok } = await timed(request(client, index));
        latencies.push(ms);
        if (!ok) failed++;
        if (intervalMs) await sleep(sent + intervalMs - Date.now());
      }
    }),
  );
  return summary(name, targetMs, latencies, failed, Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * A phase with the CPU it cost per request: the API process's (read from /proc) and the load generator's
 * own. Unlike latency, CPU per request hardly moves with what else the machine runs.
 */
async function withCpu(
  apiPid: number | undefined,
  run: () => Promise<PhaseResult>,
): Promise<PhaseResult & { apiCpuUs: number; clientCpuUs: number }> {
  const apiBefore = processCpuSeconds(apiPid);
  const clientBefore = process.cpuUsage();
  const result = await run();
  const apiSeconds = processCpuSeconds(apiPid) - apiBefore;
  const client = process.cpuUsage(clientBefore);
  return {
    ...result,
    apiCpuUs: Math.round((apiSeconds * 1e6) / result.requests),
    clientCpuUs: Math.round((client.user + client.system) / result.requests),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Posts `count` small downloads (each a new job: the same-request cache is off) and waits for all. */
async function finishedSmallDownloads(piid: string, count: number): Promise<string[]> {
  const fileNames: string[] = [];
  for (let index = 0; index < count; index++) {
    const posted = await fetch(`${BASE}/api/v2/download/transactions/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ filters: { award_ids: [`"${piid}"`] }, limit: 100 }),
    });
    fileNames.push(((await posted.json()) as { file_name: string }).file_name);
  }
  const unfinished = new Set(fileNames);
  for (let waited = 0; waited < 300_000 && unfinished.size > 0; waited += 200) {
    for (const fileName of unfinished) {
      const status = (await (await fetch(`${BASE}/api/v2/download/status?file_name=${fileName}`)).json()) as {
        status: string;
      };
      if (status.status === 'failed') throw new Error('a small download failed');
      if (status.status === 'finished') unfinished.delete(fileName);
    }
    await sleep(200);
  }
  if (unfinished.size > 0)
    throw new Error(`${unfinished.size} small downloads did not finish within 5 minutes`);
  return fileNames;
}

async function main(): Promise<void> {
  const { transactions } = await ensureTransactions(DATABASE_URL, 1_000_000);
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const requests = await realisticCountRequests(db);
  const { piid } = (
    await db.query<{ piid: string }>('SELECT piid FROM transaction_search WHERE piid IS NOT NULL LIMIT 1')
  ).rows[0];
  await db.end();
  const storageDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const api = startProcess('main', {
    DATABASE_URL,
    REDIS_URL,
    PORT,
    LOCAL_STORAGE_DIR: storageDir,
    // info: one request line per poll written to the API's stdout (discarded here).
    LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'warn',
    SEED_IF_EMPTY: 'false',
    DOWNLOAD_CACHE_ENABLED: 'false',
    RUN_WORKER_IN_API: 'true',
    WORKER_CONCURRENCY: '1',
    QUEUE_PREFIX: `bench-load-${Date.now()}`,
  });
  try {
    await waitForHttp(`${BASE}/health`, 60_000);
    const fileNames = await finishedSmallDownloads(piid, CLIENTS);
    const statusPath = (fileName: string) =>
      `/api/v2/download/status?file_name=${encodeURIComponent(fileName)}`;
    const count = (client: number, index: number): Sent => ({
      method: 'POST',
      path: '/api/v2/download/count/',
      body: JSON.stringify(requests[(client + index) % requests.length].body),
    });
    const status = (): Sent => ({ method: 'GET', path: statusPath(fileNames[0]) });
    const ownStatus = (client: number): Sent => ({ method: 'GET', path: statusPath(fileNames[client]) });
    // Warm-up, not reported: the API's connection pool opens and its code gets compiled and optimized.
    await phase('warm-up', 50, ownStatus, 0, WARMUP_REQUESTS);
    const measured = (run: () => Promise<PhaseResult>) => withCpu(api.pid, run);
    const results = [
      await measured(() => phase('GET status of one file, back to back', 50, status)),
      await measured(() => phase('GET status, each client its own file, back to back', 50, ownStatus)),
      await measured(() =>
        phase(`GET status, each client its own file every ${PACE_MS} ms`, 50, ownStatus, PACE_MS),
      ),
      await measured(() =>
        burstPhase(
          `POST count, cache empty: ${CLIENTS} clients at once × ${requests.length} distinct in turn`,
          300,
          requests.map((_, index) => () => count(0, index)),
        ),
      ),
      await measured(() => phase('POST count, repeated, back to back', 300, count)),
      await measured(() =>
        phase(`POST count, repeated, each client every ${PACE_MS} ms`, 300, count, PACE_MS),
      ),
    ];
    console.log(
      `\n${CLIENTS} concurrent clients × ${REQUESTS} requests per phase, ${transactions.toLocaleString()} transactions`,
    );
    console.table(results);
  } finally {
    agent.destroy();
    await stop(api);
    rmSync(storageDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
