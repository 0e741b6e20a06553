import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DownloadJobRepository } from '../../src/download-jobs/download-job.repository';
import { DownloadLaneEstimator } from '../../src/generation/download-lane.estimator';
import { DownloadQueue } from '../../src/queue/download-queue';
import { seedSmallDatasetIfEmpty } from '../../tools/seed/seed-small-dataset';
import { StatusBody, waitForJob } from '../support/jobs';
import { PROBE_REQUEST_TYPE } from '../support/probe-planner';
import { flushTestRedis } from '../support/redis';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource } from '../support/test-database';

/**
 * 30,000 rows at ~1 ms each: a download that keeps its slot for about half a minute, estimated by the
 * planner at 30,000 rows like any big one.
 */
const LONG_SQL = 'SELECT n AS id, pg_sleep(0.001)::text AS pause FROM generate_series(1, 30000) AS n';

/**
 * Two worker processes (each an API with its Bull worker, one regular slot apiece, sharing one queue) are
 * both busy with long downloads; a small download posted then still finishes within 3 s, in the fast lane.
 */
describe('the fast lane', () => {
  let dataSource: DataSource;
  const apps: NestExpressApplication[] = [];
  let storageDir: string;

  beforeAll(async () => {
    await flushTestRedis();
    dataSource = await openMigratedDataSource();
    await seedSmallDatasetIfEmpty(dataSource);
    storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
    const env = {
      LOCAL_STORAGE_DIR: storageDir,
      QUEUE_PREFIX: `fast-lane-${process.pid}-${Date.now()}`,
      WORKER_CONCURRENCY: '1',
      FAST_LANE_CONCURRENCY: '1',
      FAST_LANE_MAX_ROWS: '10000',
      DOWNLOAD_CACHE_ENABLED: 'false',
    };
    for (let worker = 0; worker < 2; worker++) apps.push((await createTestApp(env)).app);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    // The long downloads are handed back unfinished: other suites' recovery sweeps must not pick them up.
    await dataSource.query(`DELETE FROM download_job WHERE file_name LIKE 'FastLane\\_%'`);
    await dataSource.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('finishes a small download within 3 s of its POST while every regular slot runs a long one', async () => {
    const [api] = apps;
    const long = [await queueLongJob(api), await queueLongJob(api), await queueLongJob(api)];
    await waitUntil(async () => {
      const states = await Promise.all(long.map((name) => statusOf(api, name)));
      return states.filter((state) => state.status === 'running').length === 2;
    });

    const posted = Date.now();
    const response = await request(api.getHttpServer())
      .post('/api/v2/download/transactions/')
      .send({ filters: { time_period: [{ start_date: '2020-10-01', end_date: '2021-09-30' }] }, limit: 100 })
      .expect(200);
    const small = await waitForJob(api, (response.body as { file_name: string }).file_name, 10_000);
    const elapsed = Date.now() - posted;

    expect(small.status).toBe('finished');
    expect(small.total_rows).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(3_000);
    // The regular lane really was full all along: two long downloads still run, the third still waits.
    const states = (await Promise.all(long.map((name) => statusOf(api, name)))).map((state) => state.status);
    expect(states.sort()).toEqual(['ready', 'running', 'running']);
  });

  it('estimates a long download as regular and a small one as fast', async () => {
    const estimator = apps[0].get(DownloadLaneEstimator);
    const job = await createProbeJob(apps[0], LONG_SQL);
    expect(await estimator.estimateRows(job)).toBe(30_000);
    expect(await estimator.laneOf(job)).toBe('regular');
    const small = await createProbeJob(apps[0], 'SELECT n FROM generate_series(1, 9999) AS n');
    expect(await estimator.laneOf(small)).toBe('fast');
  });
});

let counter = 0;

async function createProbeJob(app: NestExpressApplication, sql: string) {
  counter += 1;
  const jsonRequest = JSON.stringify({ file_format: 'csv', sql });
  return app.get(DownloadJobRepository).create({
    fileName: `FastLane_${Date.now()}_${process.pid}_${counter}.zip`,
    requestType: PROBE_REQUEST_TYPE,
    jsonRequest,
    requestHash: createHash('sha256').update(jsonRequest).digest('hex'),
  });
}

/** A long probe download, queued in the lane the estimator picks for it (as the routes do). */
async function queueLongJob(app: NestExpressApplication): Promise<string> {
  const job = await createProbeJob(app, LONG_SQL);
  const lane = await app.get(DownloadLaneEstimator).laneOf(job);
  expect(lane).toBe('regular');
  await app.get(DownloadQueue).enqueue(job.id, lane);
  return job.fileName;
}

async function statusOf(app: NestExpressApplication, fileName: string): Promise<StatusBody> {
  const response = await request(app.getHttpServer())
    .get('/api/v2/download/status')
    .query({ file_name: fileName });
  return response.body as StatusBody;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
