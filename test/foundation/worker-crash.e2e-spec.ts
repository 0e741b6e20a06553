import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import Queue from 'bull';
import { DataSource } from 'typeorm';
import {
  DOWNLOAD_QUEUE,
  GENERATE_DOWNLOAD_JOB,
  bullJobId,
  downloadQueueSettings,
} from '../../src/queue/download-queue.constants';
import { waitForJob } from '../support/jobs';
import { PROBE_REQUEST_TYPE, PROBE_TABLE_SQL } from '../support/probe-planner';
import { flushTestRedis } from '../support/redis';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource, TEST_REDIS_URL } from '../support/test-database';

const LOCK_MS = 2_000;
const STALLED_MS = 1_000;

/**
 * A worker that dies mid-job (its Redis connection gone, its lock no longer renewed) must not leave
 * the download `running` forever: another worker takes the job over and finishes it.
 */
describe('a worker killed in the middle of a job', () => {
  let dataSource: DataSource;
  let app: NestExpressApplication | undefined;
  let storageDir: string;
  const prefix = `crash-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    await flushTestRedis();
    dataSource = await openMigratedDataSource();
    await dataSource.query(PROBE_TABLE_SQL);
    storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
  });

  afterAll(async () => {
    await app?.close();
    await dataSource.query('DROP TABLE IF EXISTS pipeline_probe');
    await dataSource.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('is taken over by another worker once its lock expires, and finishes', async () => {
    const fileName = `Crash_${Date.now()}.zip`;
    const jsonRequest = JSON.stringify({
      file_format: 'csv',
      sql: 'SELECT id, description FROM pipeline_probe',
    });
    const [{ download_job_id: id }] = await dataSource.query<{ download_job_id: number }[]>(
      `INSERT INTO download_job (job_status_id, file_name, json_request, request_type, request_hash)
       VALUES (1, $1, $2, $3, $4) RETURNING download_job_id`,
      [fileName, jsonRequest, PROBE_REQUEST_TYPE, createHash('sha256').update(jsonRequest).digest('hex')],
    );

    // The doomed worker: claims the job like ours does, then dies without a word.
    const settings = downloadQueueSettings(LOCK_MS, STALLED_MS);
    const doomed = new Queue(DOWNLOAD_QUEUE, TEST_REDIS_URL, { prefix, settings });
    const claimed = new Promise<void>((resolve) => {
      void doomed.process(GENERATE_DOWNLOAD_JOB, async () => {
        await dataSource.query(
          `UPDATE download_job SET job_status_id = 2, attempt_count = attempt_count + 1 WHERE download_job_id = $1`,
          [id],
        );
        resolve();
        return new Promise(() => undefined); // never finishes
      });
    });
    await doomed.add(GENERATE_DOWNLOAD_JOB, { downloadJobId: id }, { jobId: bullJobId(id), attempts: 3 });
    await claimed;
    await doomed.close(true);

    ({ app } = await createTestApp({
      LOCAL_STORAGE_DIR: storageDir,
      QUEUE_PREFIX: prefix,
      QUEUE_LOCK_DURATION_MS: String(LOCK_MS),
      QUEUE_STALLED_INTERVAL_MS: String(STALLED_MS),
    }));
    const status = await waitForJob(app, fileName, 30_000);
    expect(status).toMatchObject({ status: 'finished', total_rows: 2500 });
    const [{ attempt_count }] = await dataSource.query<{ attempt_count: number }[]>(
      'SELECT attempt_count FROM download_job WHERE download_job_id = $1',
      [id],
    );
    expect(attempt_count).toBe(2);
  });
});
