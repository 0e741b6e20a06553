import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { NestExpressApplication } from '@nestjs/platform-express';
import S3rver from 's3rver';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { S3StorageDriver } from '../../src/storage/s3-storage.driver';
import { STORAGE_DRIVER } from '../../src/storage/storage.driver';
import { parseCsv } from '../support/csv-records';
import { queueProbeJob, waitForJob } from '../support/jobs';
import { PROBE_TABLE_SQL } from '../support/probe-planner';
import { flushTestRedis } from '../support/redis';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource } from '../support/test-database';
import { readZip } from '../support/zip-reader';

const BUCKET = 'pipeline-downloads';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('download pipeline into S3-compatible storage (s3rver)', () => {
  let dataSource: DataSource;
  let app: NestExpressApplication;
  let server: S3rver;
  let directory: string;
  let driver: S3StorageDriver;

  beforeAll(async () => {
    await flushTestRedis();
    dataSource = await openMigratedDataSource();
    await dataSource.query(PROBE_TABLE_SQL);
    directory = await mkdtemp(join(tmpdir(), 's3rver-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
    const { port } = await server.run();
    const env = {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_BUCKET: BUCKET,
      S3_PART_SIZE_MB: '5',
      ROWS_PER_FILE_PART: '1000',
    };
    ({ app } = await createTestApp(env));
    driver = app.get(STORAGE_DRIVER);
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.query('DROP TABLE IF EXISTS pipeline_probe');
    await dataSource?.destroy();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('uploads the finished zip, reports its S3 URL, and serves it back', async () => {
    const sql = 'SELECT id, description, amount FROM pipeline_probe';
    const fileName = await queueProbeJob(app, { file_format: 'csv', sql });
    const status = await waitForJob(app, fileName);

    expect(status).toMatchObject({ status: 'finished', total_rows: 2500, total_columns: 3 });
    expect(status.file_url.endsWith(`/${BUCKET}/${fileName}`)).toBe(true);

    const stored = await driver.stat(fileName);
    expect(stored).not.toBeNull();
    expect(status.total_size).toBeCloseTo(stored!.size / 1000, 3);

    const zipBytes = await readAll(await driver.read(fileName));
    const entries = await readZip(zipBytes);
    expect([...entries.keys()]).toEqual(['Probe_Rows_1.csv', 'Probe_Rows_2.csv', 'Probe_Rows_3.csv']);
    const rows = [...entries.values()].flatMap((part) => parseCsv(part.toString('utf8')).slice(1));
    const expected = await dataSource.query<{ id: number }[]>(`${sql} ORDER BY id`);
    expect(rows.map((row) => Number(row[0]))).toEqual(expected.map((row) => row.id));

    const served = await request(app.getHttpServer() as App)
      .get(`/csv_downloads/${fileName}`)
      .responseType('blob')
      .expect(200);
    expect(Buffer.compare(served.body as Buffer, zipBytes)).toBe(0);
  });

  it('leaves no object behind when the query fails', async () => {
    const fileName = await queueProbeJob(app, {
      file_format: 'csv',
      sql: 'SELECT 1/0 AS boom FROM pipeline_probe',
    });
    const status = await waitForJob(app, fileName);
    expect(status.status).toBe('failed');
    expect(await driver.stat(fileName)).toBeNull();
  });
});
