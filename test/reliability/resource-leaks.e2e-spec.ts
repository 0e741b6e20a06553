import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { PROBE_TABLE_SQL } from '../support/probe-planner';
import { PrivateRedis } from '../support/private-services';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource, TEST_DATABASE_URL } from '../support/test-database';
import { isOver, queueJob, waitForRow } from './reliability-helpers';

describe('no connection, Redis key or file left behind after load', () => {
  const redis = new PrivateRedis();
  let dataSource: DataSource;
  let storageDir: string;
  let probe: Redis;

  beforeAll(async () => {
    await redis.start();
    probe = new Redis(redis.url);
    dataSource = await openMigratedDataSource();
    await dataSource.query(PROBE_TABLE_SQL);
    storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
  });

  afterAll(async () => {
    probe?.disconnect();
    await redis.destroy();
    await dataSource?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  const serviceConnections = async (): Promise<number> => {
    const database = new URL(TEST_DATABASE_URL).pathname.slice(1);
    const [{ n }] = await dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM pg_stat_activity
       WHERE datname = $1 AND application_name LIKE 'usaspending-download%'`,
      [database],
    );
    return Number(n);
  };
  const redisClients = async (): Promise<number> =>
    Number(/connected_clients:(\d+)/.exec(await probe.info('clients'))?.[1]);

  it('returns every connection and leaves only the queue bookkeeping keys', async () => {
    const clientsBefore = await redisClients();
    // This test's own DataSource shares the application name; its connections are the baseline.
    const connectionsBefore = await serviceConnections();
    const { app } = await createTestApp({
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'leaks',
      LOCAL_STORAGE_DIR: storageDir,
      WORKER_CONCURRENCY: '3',
      DOWNLOAD_ATTEMPTS: '2',
      RETRY_DELAY_MS: '200',
    });
    const names: string[] = [];
    for (let k = 0; k < 12; k++) {
      const failing = k % 4 === 3; // a division by zero on every attempt
      names.push(
        await queueJob(app, () =>
          failing
            ? 'SELECT 1 / (id - id) AS boom FROM pipeline_probe'
            : `SELECT id FROM pipeline_probe WHERE id <= ${k * 100}`,
        ),
      );
    }
    for (const name of names) await waitForRow(dataSource, name, isOver);

    const keys = await probe.keys('leaks:*');
    expect(keys.filter((key) => /download-\d+/.test(key))).toEqual([]); // no job hash, lock or log kept
    expect(keys.length).toBeLessThanOrEqual(10); // per lane's queue: id counter, stalled check and the like
    expect((await serviceConnections()) - connectionsBefore).toBeLessThanOrEqual(10 + 3 + 1); // the pools' limits
    expect((await readdir(storageDir)).filter((name) => name.endsWith('.partial'))).toEqual([]);

    await app.close();
    // A closed client's backend leaves pg_stat_activity a moment after the socket closes: wait for it, briefly.
    let connectionsAfter = await serviceConnections();
    for (let tries = 0; connectionsAfter !== connectionsBefore && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      connectionsAfter = await serviceConnections();
    }
    expect(connectionsAfter).toBe(connectionsBefore);
    expect(await redisClients()).toBe(clientsBefore);
  });
});
