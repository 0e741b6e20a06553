import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PROBE_TABLE_SQL } from '../support/probe-planner';
import { PrivateRedis } from '../support/private-services';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource } from '../support/test-database';
import { isOver, jobRow, waitForRow } from './reliability-helpers';

describe('Redis down, then back empty (a private Redis)', () => {
  const redis = new PrivateRedis();
  let dataSource: DataSource;
  let app: NestExpressApplication;
  let storageDir: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    await redis.start();
    dataSource = await openMigratedDataSource();
    await dataSource.query(PROBE_TABLE_SQL);
    storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
    ({ app } = await createTestApp({ REDIS_URL: redis.url, LOCAL_STORAGE_DIR: storageDir }));
  });

  afterAll(async () => {
    await app?.close();
    await redis.destroy();
    await dataSource?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('reports Redis down on /health within 2 s, still accepts downloads, and queues them within 30 s of its return', async () => {
    await http().get('/health').expect(200);
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));

    const started = Date.now();
    const health = await http().get('/health');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      status: 'error',
      redis: { status: 'down' },
      database: { status: 'up' },
    });
    expect(JSON.stringify(health.body)).not.toMatch(/127\.0\.0\.1|:\d{4,5}/);

    // Requested while Redis is down: answered at once, the job saved; only its queue entry is missing.
    const requested = Date.now();
    const response = await http()
      .post('/api/v2/download/transactions/')
      .send({ filters: { keywords: [`outage-${Date.now()}`] }, columns: ['award_id_piid'], limit: 10 });
    expect(Date.now() - requested).toBeLessThan(2000);
    expect(response.status).toBe(200);
    const fileName = (response.body as { file_name: string }).file_name;
    expect((await jobRow(dataSource, fileName)).status).toBe('ready');

    await redis.start(); // empty: whatever it held is gone
    const back = Date.now();
    const done = await waitForRow(dataSource, fileName, isOver, 30_000);
    expect(done).toMatchObject({ status: 'finished', rows: 0, message: null });
    expect(Date.now() - back).toBeLessThan(30_000);
    await http().get('/health').expect(200);
  });
});
