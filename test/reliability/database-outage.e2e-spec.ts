import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { PROBE_TABLE_SQL } from '../support/probe-planner';
import { flushTestRedis } from '../support/redis';
import { PrivatePostgres } from '../support/private-services';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource, TEST_DATABASE_URL } from '../support/test-database';
import { isOver, queueJob, slowRows, waitForRow } from './reliability-helpers';

const FAST_RETRY = { DOWNLOAD_ATTEMPTS: '3', RETRY_DELAY_MS: '500', GENERATION_STALL_TIMEOUT_MS: '3000' };

describe('PostgreSQL trouble in the middle of a download', () => {
  describe('the COPY connection killed (pg_terminate_backend)', () => {
    let dataSource: DataSource;
    let app: NestExpressApplication;
    let storageDir: string;

    beforeAll(async () => {
      await flushTestRedis();
      dataSource = await openMigratedDataSource();
      await dataSource.query(PROBE_TABLE_SQL);
      storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
      ({ app } = await createTestApp({ LOCAL_STORAGE_DIR: storageDir, ...FAST_RETRY }));
    });

    afterAll(async () => {
      await app?.close();
      await dataSource?.destroy();
      await rm(storageDir, { recursive: true, force: true });
    });

    it('fails that attempt and finishes on the retry, with nothing left of the first try', async () => {
      const fileName = await queueJob(app, (name) => slowRows(3000, 3, name));
      await waitForRow(dataSource, fileName, (row) => row.status === 'running' && (row.rows ?? 0) > 0);
      const database = new URL(TEST_DATABASE_URL).pathname.slice(1);
      const killed = await dataSource.query<{ pg_terminate_backend: boolean }[]>(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = $1 AND application_name = 'usaspending-download-copy' AND state = 'active'`,
        [database],
      );
      expect(killed).toEqual([{ pg_terminate_backend: true }]);
      const done = await waitForRow(dataSource, fileName, isOver);
      expect(done).toMatchObject({ status: 'finished', attempts: 2, rows: 3000, message: null });
      expect(await readdir(storageDir)).toEqual([fileName]);
    });
  });

  describe('the whole server stopped, then started again (a private PostgreSQL)', () => {
    const postgres = new PrivatePostgres();
    let app: NestExpressApplication;
    let dataSource: DataSource;
    let storageDir: string;
    const http = () => request(app.getHttpServer());

    beforeAll(async () => {
      await flushTestRedis();
      await postgres.init();
      dataSource = new DataSource(dataSourceOptions(postgres.url));
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
      ({ app } = await createTestApp(
        {
          DATABASE_URL: postgres.url,
          LOCAL_STORAGE_DIR: storageDir,
          DATABASE_CONNECT_TIMEOUT_MS: '1000',
          ...FAST_RETRY,
          RETRY_DELAY_MS: '1000',
        },
        undefined,
        postgres.url,
      ));
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      await dataSource?.destroy().catch(() => undefined);
      await postgres.destroy();
      await rm(storageDir, { recursive: true, force: true });
    }, 120_000);

    it('answers 503 on every route while it is down, recovers by itself, and the job is retried to the end', async () => {
      const fileName = await queueJob(app, (name) => slowRows(3000, 3, name));
      await waitForRow(dataSource, fileName, (row) => row.status === 'running' && (row.rows ?? 0) > 0);
      await postgres.stop();

      const statusDown = await http().get('/api/v2/download/status').query({ file_name: fileName });
      expect(statusDown.status).toBe(503);
      expect(statusDown.body).toEqual({ detail: expect.stringMatching(/temporarily unavailable/) as string });
      const countDown = await http()
        .post('/api/v2/download/count/')
        .send({ filters: { time_period: [{ start_date: '2020-10-01', end_date: '2021-09-30' }] } });
      expect(countDown.status).toBe(503);
      const started = Date.now();
      const health = await http().get('/health');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'error', database: { status: 'down' } });
      expect(JSON.stringify(health.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:\d{4,5}/);

      await new Promise((resolve) => setTimeout(resolve, 3000));
      await postgres.start();
      const done = await waitForRow(dataSource, fileName, isOver, 60_000);
      expect(done).toMatchObject({ status: 'finished', rows: 3000, message: null });
      await http().get('/api/v2/download/status').query({ file_name: fileName }).expect(200);
      await http().get('/health').expect(200);
    });
  });
});
