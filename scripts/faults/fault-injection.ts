/**
 * Scripted fault injection against a build of the service (API + two separate workers on a private
 * PostgreSQL and Redis, local storage), printing one line of figures per fault:
 *
 *   npm run build && npx ts-node --transpile-only scripts/faults/fault-injection.ts [--dist dist] [--awards 20000]
 *
 * `--dist` may point at another checkout's build to measure it on the same data (before/after a change).
 * Needs PostgreSQL binaries (/usr/lib/postgresql/<v>/bin or PG_BIN_DIR) and redis-server; as root it uses
 * `chattr` for the unwritable-folder fault.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { FaultStack, JobOutcome } from './fault-stack';

const run = promisify(execFile);
const OVER = new Set(['finished', 'failed']);
/** A fault whose jobs are not over by then is reported as hanging. */
const CAP_MS = 150_000;

interface Figures {
  fault: string;
  outcomes: string;
  secondsToSettle: number | 'hung';
  /** 503 answers are the intended outage answer; any other 5xx is a bug. */
  http503: number;
  httpOther5xx: number;
  healthSlowOrNoAnswer: number;
  healthMaxMs: number;
  partialFilesLeft: number;
  closedPoolErrors: number;
  notes: string[];
}

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls status and health every 250 ms while a fault plays out, counting 5xx and slow health answers. */
class Observer {
  http503 = 0;
  httpOther5xx = 0;
  healthSlow = 0;
  healthMax = 0;
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly stack: FaultStack,
    private readonly fileNames: string[],
  ) {
    this.loop = this.observe();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async observe(): Promise<void> {
    while (this.running) {
      const name = this.fileNames[Math.floor(Math.random() * this.fileNames.length)];
      const status = await timedFetch(`${this.stack.apiUrl}/api/v2/download/status?file_name=${name}`, 5_000);
      if (status.code === 503) this.http503 += 1;
      else if (status.code >= 500) this.httpOther5xx += 1;
      const health = await timedFetch(`${this.stack.apiUrl}/health`, 5_000);
      this.healthMax = Math.max(this.healthMax, health.ms);
      if (health.code === 0 || health.ms > 2_000) this.healthSlow += 1;
      await sleep(250);
    }
  }
}

async function timedFetch(url: string, timeoutMs: number): Promise<{ code: number; ms: number }> {
  const started = Date.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return { code: response.status, ms: Date.now() - started };
  } catch {
    return { code: 0, ms: Date.now() - started };
  }
}

let requestCounter = 0;

/** Distinct full-column transaction downloads (distinct limits keep the same-request cache out of it). */
async function requestDownloads(stack: FaultStack, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    requestCounter += 1;
    const response = await fetch(`${stack.apiUrl}/api/v2/download/transactions/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        filters: { time_period: [{ start_date: '2007-10-01', end_date: '2026-09-30' }] },
        limit: 500_000 - requestCounter,
      }),
    });
    names.push(((await response.json()) as { file_name: string }).file_name);
  }
  return names;
}

async function waitUntilRunning(stack: FaultStack, names: string[]): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const rows = await stack.query<{ n: string }>(
      `SELECT count(*) AS n FROM download_job WHERE file_name = ANY($1) AND job_status_id = 2 AND number_of_rows > 0`,
      [names],
    );
    if (Number(rows[0].n) > 0) return true;
    await sleep(100);
  }
  return false;
}

/** Prints a fault's figures as soon as they are known (a later fault may leave the stack unusable). */
function report(figures: Figures): Figures {
  console.log(JSON.stringify(figures));
  return figures;
}

async function settle(
  stack: FaultStack,
  names: string[],
  since: number,
): Promise<{ seconds: number | 'hung'; outcomes: JobOutcome[] }> {
  for (;;) {
    const outcomes = await stack.outcomes(names).catch(() => [] as JobOutcome[]);
    if (outcomes.length === names.length && outcomes.every((o) => OVER.has(o.status)))
      return { seconds: Math.round((Date.now() - since) / 100) / 10, outcomes };
    if (Date.now() - since > CAP_MS) return { seconds: 'hung', outcomes };
    await sleep(250);
  }
}

function summarize(outcomes: JobOutcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const key = `${outcome.status}${outcome.message ? ` ("${outcome.message}")` : ''} a${outcome.attempts}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n}× ${key}`).join(', ');
}

async function measure(
  stack: FaultStack,
  fault: string,
  jobs: number,
  inject: (names: string[]) => Promise<string[]>,
): Promise<Figures> {
  const names = await requestDownloads(stack, jobs);
  if (!(await waitUntilRunning(stack, names))) {
    const outcomes = await stack.outcomes(names);
    return report({
      fault,
      outcomes: summarize(outcomes),
      secondsToSettle: 'hung',
      http503: 0,
      httpOther5xx: 0,
      healthSlowOrNoAnswer: 0,
      healthMaxMs: 0,
      partialFilesLeft: 0,
      closedPoolErrors: 0,
      notes: ['no job started within 60 s: every worker slot was still held by an earlier attempt'],
    });
  }
  const closedBefore = await stack.grepLogs('after calling end on the pool');
  const observer = new Observer(stack, names);
  const started = Date.now();
  const notes = await inject(names);
  const { seconds, outcomes } = await settle(stack, names, started);
  await observer.stop();
  const partials = (await readdir(stack.storageDir)).filter((name) => name.endsWith('.partial')).length;
  return report({
    fault,
    outcomes: summarize(outcomes),
    secondsToSettle: seconds,
    http503: observer.http503,
    httpOther5xx: observer.httpOther5xx,
    healthSlowOrNoAnswer: observer.healthSlow,
    healthMaxMs: observer.healthMax,
    partialFilesLeft: partials,
    closedPoolErrors: (await stack.grepLogs('after calling end on the pool')) - closedBefore,
    notes,
  });
}

async function main(): Promise<void> {
  const stack = new FaultStack(flag('--dist', 'dist'));
  await stack.start(Number(flag('--awards', '20000')));
  const results: Figures[] = [];
  try {
    results.push(
      await measure(stack, 'both workers kill -9, one restarted', 3, async () => {
        await stack.signalWorker(1, 'SIGKILL');
        await stack.signalWorker(2, 'SIGKILL');
        await sleep(1000);
        stack.startWorker(1);
        return [];
      }),
    );
    stack.startWorker(2);
    results.push(
      await measure(stack, 'Redis killed, restarted empty after 5 s', 3, async () => {
        await stack.redis.stop();
        await sleep(5000);
        await stack.redis.start();
        return [];
      }),
    );
    results.push(
      await measure(stack, 'PostgreSQL stopped 10 s', 3, async () => {
        await stack.postgres.stop();
        await sleep(10_000);
        await stack.postgres.start();
        return [];
      }),
    );
    results.push(
      await measure(stack, 'local folder unwritable for the rest of the run', 2, async (names) => {
        await run('chattr', ['+i', stack.storageDir]);
        void settle(stack, names, Date.now()).finally(() => run('chattr', ['-i', stack.storageDir]));
        return [];
      }),
    );
    await run('chattr', ['-i', stack.storageDir]).catch(() => undefined);
    results.push(
      await measure(stack, 'SIGTERM to a busy worker (restarted after it exits)', 4, async () => {
        const exitMs = await stack.signalWorker(1, 'SIGTERM');
        stack.startWorker(1);
        return [
          exitMs < 0
            ? 'worker had not exited 60 s after SIGTERM (killed)'
            : `worker exited ${exitMs} ms after SIGTERM`,
        ];
      }),
    );
    // Partial files a killed or failed writer could not remove go with the workers' next sweep.
    await sleep(75_000);
    const left = (await readdir(stack.storageDir)).filter((name) => name.endsWith('.partial')).length;
    console.log(JSON.stringify({ partialFilesLeft75sAfterLastFault: left }));
  } finally {
    await stack.stop();
  }
  console.log(`logs: ${stack.logDir}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
