import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { NestExpressApplication } from '@nestjs/platform-express';
import type S3rver from 's3rver';
import { DataSource } from 'typeorm';
import { AbandonedFilesSweeper } from '../../src/generation/abandoned-files.sweeper';
import { STORAGE_DRIVER, StorageDriver, StoredObject } from '../../src/storage/storage.driver';
import { PROBE_TABLE_SQL } from '../support/probe-planner';
import { flushTestRedis } from '../support/redis';
import {
  killS3rver,
  s3rverWithMultipartCleanup,
  unfinishedUploads,
} from '../support/s3rver-with-multipart-cleanup';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource } from '../support/test-database';
import {
  isOver,
  jobRow,
  makeUnwritable,
  makeWritable,
  partialFiles,
  queueJob,
  slowRows,
  waitForRow,
} from './reliability-helpers';

/** Fast retries and a short watchdog, so every outage plays out in seconds. */
const FAST_FAILURE = {
  DOWNLOAD_ATTEMPTS: '2',
  RETRY_DELAY_MS: '1500',
  GENERATION_STALL_TIMEOUT_MS: '2000',
  S3_REQUEST_TIMEOUT_MS: '2000',
};
const STORAGE_MESSAGE = /^Storage did not accept the file: .+\.$/;

describe('storage outages in the middle of a download', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    await flushTestRedis();
    dataSource = await openMigratedDataSource();
    await dataSource.query(PROBE_TABLE_SQL);
  });

  afterAll(async () => {
    await dataSource.query('DROP TABLE IF EXISTS pipeline_probe');
    await dataSource.destroy();
  });

  describe('local folder that becomes unwritable', () => {
    let app: NestExpressApplication;
    let storageDir: string;

    beforeAll(async () => {
      storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
      ({ app } = await createTestApp({ LOCAL_STORAGE_DIR: storageDir, ...FAST_FAILURE }));
    });

    afterEach(() => makeWritable(storageDir));

    afterAll(async () => {
      await app?.close();
      await rm(storageDir, { recursive: true, force: true });
    });

    it('fails with a storage message once its attempts are used, and leaves no file behind', async () => {
      const fileName = await queueJob(app, () => slowRows(3000, 2));
      await waitForRow(dataSource, fileName, (row) => row.status === 'running' && (row.rows ?? 0) > 0);
      await makeUnwritable(storageDir); // the temp file is open already: the write goes on, the rename fails
      const failed = await waitForRow(dataSource, fileName, isOver);
      expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
      expect(failed.message).toMatch(STORAGE_MESSAGE);
      expect(failed.message).toContain('not writable');
      expect(failed.message).not.toContain(storageDir);

      await makeWritable(storageDir);
      // The first attempt's temp file could not be removed while the folder refused it; the next sweep does.
      await app.get(AbandonedFilesSweeper).sweep(0);
      expect(await readdir(storageDir)).toEqual([]);
    });

    it('finishes on the retry when the folder is writable again by then', async () => {
      const fileName = await queueJob(app, (name) => slowRows(3000, 2, name));
      await waitForRow(dataSource, fileName, (row) => row.status === 'running' && (row.rows ?? 0) > 0);
      await makeUnwritable(storageDir);
      await waitForRow(dataSource, fileName, (row) => row.status === 'resumed');
      await makeWritable(storageDir);
      const done = await waitForRow(dataSource, fileName, isOver);
      expect(done).toMatchObject({ status: 'finished', attempts: 2, rows: 3000, message: null });
      await app.get(AbandonedFilesSweeper).sweep(0);
      expect(await partialFiles(storageDir)).toEqual([]);
      expect(await readdir(storageDir)).toEqual([fileName]);
    });
  });

  describe('storage that stops reading (the write never completes, never fails)', () => {
    let app: NestExpressApplication;
    const abandoned: Readable[] = [];

    beforeAll(async () => {
      // Takes the zip stream and never reads it: before the watchdog, such an attempt stayed `running` forever.
      const blackHole: Partial<StorageDriver> = {
        kind: 'local',
        save: (_name: string, body: Readable) => {
          abandoned.push(body);
          return new Promise<StoredObject>(() => undefined);
        },
        publicUrl: (name: string) => `http://files/${name}`,
        removeAbandoned: () => Promise.resolve(0),
      };
      ({ app } = await createTestApp({ ...FAST_FAILURE, DOWNLOAD_ATTEMPTS: '1' }, (builder) =>
        builder.overrideProvider(STORAGE_DRIVER).useValue(blackHole),
      ));
    });

    afterAll(async () => {
      await app?.close();
    });

    it('fails the attempt once nothing has moved for the stall timeout, naming storage', async () => {
      const started = Date.now();
      const fileName = await queueJob(app, () => 'SELECT id, description FROM pipeline_probe');
      const failed = await waitForRow(dataSource, fileName, isOver);
      expect(failed.status).toBe('failed');
      expect(failed.message).toMatch(/^Storage did not accept the file: it took no data for \d+ s\.$/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      expect(abandoned.at(-1)?.destroyed).toBe(true); // the zip was torn down, not left waiting
    });
  });

  describe('S3-protocol server that goes away', () => {
    let app: NestExpressApplication;
    let server: S3rver;
    let directory: string;
    let port: number;
    const BUCKET = 'outage-downloads';

    const startServer = async (): Promise<void> => {
      server = s3rverWithMultipartCleanup({ port, address: '127.0.0.1', silent: true, directory });
      ({ port } = await server.run());
    };
    // Enough incompressible rows for a zip of two 5 MiB parts, produced over about 4 s.
    const bigSlowRows = (name?: string): string =>
      `SELECT n, md5(n::text) || md5((n * 7)::text) || md5((n * 13)::text) || md5((n * 31)::text) AS noise,
              CASE WHEN n % 1000 = 0${name ? ` AND (SELECT attempt_count FROM download_job WHERE file_name = '${name}') = 1` : ''}
                   THEN pg_sleep(0.03) END AS nap
       FROM generate_series(1, 130000) AS n`;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 's3rver-'));
      port = 0;
      await startServer();
      ({ app } = await createTestApp({
        ...FAST_FAILURE,
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_ACCESS_KEY: 'S3RVER',
        S3_SECRET_KEY: 'S3RVER',
        S3_BUCKET: BUCKET,
        S3_PART_SIZE_MB: '5',
      }));
    });

    afterAll(async () => {
      await app?.close();
      await server?.close().catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    });

    const storage = (): StorageDriver => app.get(STORAGE_DRIVER);

    it('fails with a storage message while the server is down, and leaves neither object nor parts', async () => {
      const fileName = await queueJob(app, () => bigSlowRows());
      // Stopped once the upload has begun: parts are on the server, the upload is not complete.
      await waitUntil(async () => (await unfinishedUploads(directory, BUCKET)).length > 0);
      await killS3rver(server);
      const failed = await waitForRow(dataSource, fileName, isOver);
      expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
      expect(failed.message).toMatch(STORAGE_MESSAGE);
      expect(failed.message).toContain('could not be reached');
      expect(failed.message).not.toMatch(/127\.0\.0\.1|:\d{2,5}/);

      await startServer();
      expect(await storage().stat(fileName)).toBeNull();
      // The abort could not reach the stopped server; the sweep of a (re)started worker aborts the upload.
      await app.get(AbandonedFilesSweeper).sweep(0);
      expect(await unfinishedUploads(directory, BUCKET)).toEqual([]);
    });

    it('finishes on the retry when the server is back by then', async () => {
      const fileName = await queueJob(app, (name) => bigSlowRows(name));
      await waitUntil(async () => (await unfinishedUploads(directory, BUCKET)).length > 0);
      await killS3rver(server);
      await waitForRow(dataSource, fileName, (row) => row.status === 'resumed');
      await startServer();
      const done = await waitForRow(dataSource, fileName, isOver);
      expect(done).toMatchObject({ status: 'finished', attempts: 2, rows: 130000 });
      expect((await storage().stat(fileName))?.size).toBeGreaterThan(5 * 1024 * 1024);
      await app.get(AbandonedFilesSweeper).sweep(0);
      expect(await unfinishedUploads(directory, BUCKET)).toEqual([]);
      expect((await jobRow(dataSource, fileName)).message).toBeNull();
    });
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
