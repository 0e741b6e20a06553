import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort, PrivatePostgres, PrivateRedis } from '../../test/support/private-services';

const run = promisify(execFile);

export interface JobOutcome {
  fileName: string;
  status: string;
  message: string | null;
  attempts: number;
}

/**
 * The service as in production, on services of its own: a private PostgreSQL and Redis, the API and two
 * separate workers started from a build (`dist/`), each process logging to its own file.
 */
export class FaultStack {
  readonly postgres = new PrivatePostgres();
  readonly redis = new PrivateRedis();
  storageDir = '';
  logDir = '';
  apiPort = 0;
  private api: ChildProcess | undefined;
  private readonly workers = new Map<number, ChildProcess>();
  private readonly logs: WriteStream[] = [];

  constructor(private readonly dist: string) {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  async start(awards: number): Promise<void> {
    this.logDir = await mkdtemp(join(tmpdir(), 'faults-logs-'));
    this.storageDir = await mkdtemp(join(tmpdir(), 'faults-storage-'));
    this.apiPort = await freePort();
    await this.postgres.init();
    await this.redis.start();
    // The seed applies the migrations too; the same data whatever build is measured.
    await run('npx', ['ts-node', '--transpile-only', 'tools/seed/seed.cli.ts', '--awards', String(awards)], {
      env: { ...process.env, DATABASE_URL: this.postgres.url },
      maxBuffer: 64 * 1024 * 1024,
    });
    this.startApi();
    await this.waitForHealth();
    this.startWorker(1);
    this.startWorker(2);
  }

  env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      DATABASE_URL: this.postgres.url,
      REDIS_URL: this.redis.url,
      LOCAL_STORAGE_DIR: this.storageDir,
      PORT: String(this.apiPort),
      HOST: '127.0.0.1',
      RUN_WORKER_IN_API: 'false',
      WORKER_CONCURRENCY: '2',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      // Short enough for each fault to play out in seconds (the defaults are minutes).
      QUEUE_LOCK_DURATION_MS: '10000',
      QUEUE_STALLED_INTERVAL_MS: '5000',
      RETRY_DELAY_MS: '2000',
      GENERATION_STALL_TIMEOUT_MS: '10000',
      SHUTDOWN_GRACE_MS: '5000',
      DATABASE_MIGRATIONS_RUN: 'false',
    };
  }

  startApi(): void {
    this.api = this.spawn('api', 'main.js');
  }

  startWorker(id: number): void {
    this.workers.set(id, this.spawn(`worker-${id}`, 'worker.js'));
  }

  /**
   * Sends `signal` to a worker; resolves with the milliseconds until it exited, or -1 when it had not
   * exited after a minute (it is then killed, so the run can go on).
   */
  async signalWorker(id: number, signal: NodeJS.Signals): Promise<number> {
    const child = this.workers.get(id);
    if (!child || child.exitCode !== null) return 0;
    const started = Date.now();
    const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
    child.kill(signal);
    const inTime = await Promise.race([
      exited,
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000)),
    ]);
    if (!inTime) {
      child.kill('SIGKILL');
      await exited;
    }
    this.workers.delete(id);
    return inTime ? Date.now() - started : -1;
  }

  async stop(): Promise<void> {
    for (const id of [...this.workers.keys()]) await this.signalWorker(id, 'SIGKILL');
    if (this.api && this.api.exitCode === null) {
      const exited = new Promise((resolve) => this.api!.once('exit', resolve));
      this.api.kill('SIGKILL');
      await exited;
    }
    for (const log of this.logs) log.end();
    await this.redis.destroy();
    await this.postgres.destroy();
  }

  async query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.postgres.url, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.query(sql, values)).rows as T[];
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async outcomes(fileNames: string[]): Promise<JobOutcome[]> {
    return this.query<JobOutcome>(
      `SELECT j.file_name AS "fileName", s.name AS status, j.error_message AS message, j.attempt_count AS attempts
       FROM download_job j JOIN job_status s USING (job_status_id) WHERE j.file_name = ANY($1) ORDER BY 1`,
      [fileNames],
    );
  }

  /** Lines of every process log matching `pattern` (e.g. attempts that died on a closed pool). */
  async grepLogs(pattern: string): Promise<number> {
    const { stdout } = await run('sh', ['-c', `cat ${this.logDir}/*.log | grep -c "${pattern}" || true`]);
    return Number(stdout.trim() || 0);
  }

  private spawn(name: string, entry: string): ChildProcess {
    const log = createWriteStream(join(this.logDir, `${name}.log`), { flags: 'a' });
    this.logs.push(log);
    const child = spawn('node', [resolve(this.dist, 'src', entry)], {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    return child;
  }

  private async waitForHealth(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const ok = await fetch(`${this.apiUrl}/health`).then(
        (r) => r.status < 500,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error('the API did not come up');
  }
}
