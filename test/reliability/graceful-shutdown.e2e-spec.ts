import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { InFlightRequests, shutDown } from '../../src/bootstrap/graceful-shutdown';
import { PROBE_TABLE_SQL } from '../support/probe-planner';
import { flushTestRedis } from '../support/redis';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource } from '../support/test-database';
import { isOver, jobRow, queueJob, slowRows, waitForRow } from './reliability-helpers';

describe('graceful shutdown (what SIGTERM runs)', () => {
  let dataSource: DataSource;
  let storageDir: string;
  const prefix = `shutdown-${process.pid}-${Date.now()}`;
  const env = () => ({
    LOCAL_STORAGE_DIR: storageDir,
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: '2',
    SHUTDOWN_GRACE_MS: '3000',
  });

  beforeAll(async () => {
    await flushTestRedis();
    dataSource = await openMigratedDataSource();
    await dataSource.query(PROBE_TABLE_SQL);
    storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('lets a short download finish, hands a long one back uncounted, takes nothing new, and another worker finishes both', async () => {
    const { app: first } = await createTestApp(env());
    const short = await queueJob(first, () => slowRows(1000, 1.5));
    const long = await queueJob(first, () => slowRows(3000, 8));
    for (const name of [short, long]) await waitForRow(dataSource, name, (row) => row.status === 'running');

    const stopping = shutDown(first, { graceMs: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const queuedDuringShutdown = await queueJob(first, () => 'SELECT id FROM pipeline_probe');
    await stopping;

    // No attempt died: the short one finished, the long one is waiting again with no attempt spent.
    expect(await jobRow(dataSource, short)).toMatchObject({ status: 'finished', attempts: 1, message: null });
    expect(await jobRow(dataSource, long)).toMatchObject({ status: 'ready', attempts: 0, message: null });
    expect(await jobRow(dataSource, queuedDuringShutdown)).toMatchObject({ status: 'ready', attempts: 0 });
    expect((await readdir(storageDir)).filter((name) => name.endsWith('.partial'))).toEqual([]);

    const { app: second } = await createTestApp(env());
    try {
      const done = await waitForRow(dataSource, long, isOver, 60_000);
      expect(done).toMatchObject({ status: 'finished', attempts: 1, rows: 3000, message: null });
      expect(await waitForRow(dataSource, queuedDuringShutdown, isOver)).toMatchObject({
        status: 'finished',
        attempts: 1,
      });
    } finally {
      await second.close();
    }
  });

  it('answers the requests in flight, then stops accepting connections', async () => {
    const { app } = await createTestApp({ ...env(), RUN_WORKER_IN_API: 'false' });
    const http = new InFlightRequests(app.getHttpServer());
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;

    // A request held inside the database: the job table is locked by another session.
    const locker = dataSource.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    await locker.query('LOCK TABLE download_job IN ACCESS EXCLUSIVE MODE');
    const inFlight = request(base).get('/api/v2/download/status').query({ file_name: 'Held.zip' });
    const answered = inFlight.then((response) => response);
    await waitUntil(() => http.size === 1);

    const stopping = shutDown(app, { graceMs: 10_000, http, runsWorker: false });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(request(base).get('/health')).rejects.toThrow(/ECONNREFUSED|socket hang up|ECONNRESET/);
    await locker.commitTransaction();
    await locker.release();

    const response = await answered;
    expect(response.status).toBe(404); // answered normally, not cut and not a 500 from a closed pool
    expect(response.body).toEqual({ detail: 'Download job with filename Held.zip does not exist.' });
    await stopping;
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
