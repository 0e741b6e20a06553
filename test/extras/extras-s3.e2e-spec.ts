import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'minio';
import S3rver from 's3rver';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { DownloadSubmissionService } from '../../src/download-jobs/download-submission.service';
import { ExpiredFilesSweeper } from '../../src/retention/expired-files.sweeper';
import { waitFor } from '../storage/storage-test-helpers';
import { PROBE_REQUEST_TYPE } from '../support/probe-planner';
import { s3rverWithMultipartCleanup, unfinishedUploads } from '../support/s3rver-with-multipart-cleanup';
import { queueProbeJob, StatusBody, waitForJob } from '../support/jobs';
import { flushTestRedis } from '../support/redis';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource } from '../support/test-database';
import { fetchVerified } from './extras-helpers';

const BUCKET = 'checksum-downloads';

/** What this service adds to the reference, with the S3 driver (s3rver) and the Bull worker. */
describe('beyond the reference, with S3 storage (s3rver, through Bull)', () => {
  let dataSource: DataSource;
  let app: NestExpressApplication;
  let server: S3rver;
  let directory: string;
  let client: Client;

  beforeAll(async () => {
    await flushTestRedis();
    dataSource = await openMigratedDataSource();
    await dataSource.query(`
      DROP TABLE IF EXISTS checksum_probe;
      CREATE TABLE checksum_probe AS
      SELECT n AS id, md5(n::text) || md5((n * 7)::text) AS filler FROM generate_series(1, 120000) AS n`);
    directory = await mkdtemp(join(tmpdir(), 's3rver-'));
    server = s3rverWithMultipartCleanup({ port: 0, address: '127.0.0.1', silent: true, directory });
    const { port } = await server.run();
    ({ app } = await createTestApp({
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_BUCKET: BUCKET,
      S3_PART_SIZE_MB: '5',
      // Stored, not deflated: the big probe must take more than one 5 MB part.
      ZIP_COMPRESSION_LEVEL: '0',
    }));
    client = new Client({
      endPoint: '127.0.0.1',
      port,
      useSSL: false,
      accessKey: 'S3RVER',
      secretKey: 'S3RVER',
    });
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.query('DROP TABLE IF EXISTS checksum_probe');
    await dataSource?.destroy();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  // On S3 the digest is also object metadata, whether the zip went up in one PUT or as a multipart upload.
  it.each([
    ['one PUT', 'SELECT id FROM checksum_probe WHERE id <= 10', 1],
    ['a multipart upload', 'SELECT id, filler FROM checksum_probe', 2],
  ])('carries the SHA-256 as metadata after %s', async (_kind, sql, minimumParts) => {
    const fileName = await queueProbeJob(app, { file_format: 'csv', sql });
    const status = (await waitForJob(app, fileName, 60_000)) as StatusBody & { file_sha256?: string };
    expect(status.status).toBe('finished');
    expect(Number(status.total_size) * 1000).toBeGreaterThanOrEqual((minimumParts - 1) * 5 * 1024 * 1024);
    const stat = await client.statObject(BUCKET, fileName);
    expect(stat.metaData.sha256).toBe(status.file_sha256);
    expect(stat.metaData['content-type']).toBe('application/zip');
    await fetchVerified(app, `http://localhost/csv_downloads/${fileName}`, status.file_sha256!);
  });

  it('deletes an expired object from the bucket; the status still answers and the file route says 410', async () => {
    const fileName = await queueProbeJob(app, {
      file_format: 'csv',
      sql: 'SELECT id FROM checksum_probe LIMIT 5',
    });
    const finished = (await waitForJob(app, fileName)) as StatusBody & { expires_at?: string };
    expect(Date.parse(finished.expires_at!)).toBeGreaterThan(Date.now() + 167 * 3_600_000);
    await client.statObject(BUCKET, fileName);
    await dataSource.query(
      `UPDATE download_job SET expires_at = now() - interval '1 second' WHERE file_name = $1`,
      [fileName],
    );
    await app.get(ExpiredFilesSweeper).sweep();
    await expect(client.statObject(BUCKET, fileName)).rejects.toMatchObject({ code: 'NotFound' });
    const after = await request(app.getHttpServer() as App)
      .get('/api/v2/download/status')
      .query({ file_name: fileName })
      .expect(200);
    expect(after.body).toMatchObject({ status: 'finished', expired: true });
    const gone = await request(app.getHttpServer() as App)
      .get(`/csv_downloads/${fileName}`)
      .expect(410);
    expect((gone.body as { detail: string }).detail).toMatch(
      /^This download expired at .+Z; request it again\.$/,
    );
  });

  it('cancels a running download: no object and no unfinished upload is left in the bucket', async () => {
    const answer = (await app.get(DownloadSubmissionService).submit({
      requestType: PROBE_REQUEST_TYPE,
      // Big rows first (the upload goes multipart), then a slow trickle to cancel in the middle of.
      canonicalRequest: {
        file_format: 'csv',
        sql: `SELECT id, filler, CASE WHEN id > 100000 THEN pg_sleep(0.01) END AS pause FROM checksum_probe ORDER BY id`,
      },
      fileName: (timestamp) => `Cancel_S3_${timestamp}.zip`,
    })) as unknown as { file_name: string; cancel_token: string };
    const http = () => request(app.getHttpServer());
    await waitFor(async () => {
      const { body } = await http().get('/api/v2/download/status').query({ file_name: answer.file_name });
      return (body as StatusBody).status === 'running' && Number((body as StatusBody).total_rows) > 100000;
    }, 30_000);
    await waitFor(async () => (await unfinishedUploads(directory, BUCKET)).length === 1, 5_000);
    const cancelled = await http()
      .post('/api/v2/download/cancel/')
      .send({ file_name: answer.file_name, cancel_token: answer.cancel_token })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'failed',
      message: "Cancelled at the requester's request.",
    });
    // The upload had gone multipart (more than 5 MB sent) and its parts are gone with it.
    await waitFor(async () => (await unfinishedUploads(directory, BUCKET)).length === 0, 2_000);
    await expect(client.statObject(BUCKET, answer.file_name)).rejects.toMatchObject({ code: 'NotFound' });
  });
});
