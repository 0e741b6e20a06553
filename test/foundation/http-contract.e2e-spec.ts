import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { flushTestRedis } from '../support/redis';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource } from '../support/test-database';

describe('HTTP contract: status route, errors, health and docs', () => {
  let dataSource: DataSource;
  let app: NestExpressApplication;
  let storageDir: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    await flushTestRedis();
    dataSource = await openMigratedDataSource();
    storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
    ({ app } = await createTestApp({ LOCAL_STORAGE_DIR: storageDir, BODY_LIMIT_BYTES: '2048' }));
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  describe.each([
    '/api/v2/download/status',
    '/api/v2/download/status/',
    '/api/v2/bulk_download/status',
    '/api/v2/bulk_download/status/',
  ])('GET %s', (path) => {
    it('answers 400 without file_name', async () => {
      const response = await http().get(path).expect(400);
      expect(response.body).toEqual({ detail: 'Missing one or more required query parameters: file_name' });
    });

    it('answers 400 for an empty file_name', async () => {
      await http().get(path).query({ file_name: '' }).expect(400);
    });

    it('answers 404 for an unknown file', async () => {
      const response = await http().get(path).query({ file_name: 'there_is_no_such_file.zip' }).expect(404);
      expect(response.body).toEqual({
        detail: 'Download job with filename there_is_no_such_file.zip does not exist.',
      });
    });
  });

  it('describes a ready job with the reference fields plus url', async () => {
    await dataSource.query(`DELETE FROM download_job WHERE file_name = 'Ready_Job.zip'`);
    await dataSource.query(
      `INSERT INTO download_job (job_status_id, file_name, json_request, request_type, request_hash)
       VALUES (1, 'Ready_Job.zip', '{}', 'nothing', 'x')`,
    );
    const response = await http()
      .get('/api/v2/download/status')
      .query({ file_name: 'Ready_Job.zip' })
      .expect(200);
    expect(Object.keys(response.body as object)).toEqual([
      'status',
      'message',
      'file_name',
      'file_url',
      'total_size',
      'total_columns',
      'total_rows',
      'seconds_elapsed',
      'url',
    ]);
    expect(response.body).toMatchObject({
      status: 'ready',
      total_size: null,
      total_rows: null,
      seconds_elapsed: null,
    });
    // As the reference's API answers: no entity tag to compute for an answer that changes while a job runs.
    expect(response.headers.etag).toBeUndefined();
  });

  it('reads bracketed query keys as keys of their own, as the reference does', async () => {
    const response = await http().get('/api/v2/download/status?file_name[0]=Ready_Job.zip').expect(400);
    expect(response.body).toEqual({ detail: 'Missing one or more required query parameters: file_name' });
  });

  it('takes the last value of a repeated file_name', async () => {
    const response = await http()
      .get('/api/v2/download/status?file_name=a.zip&file_name=Ready_Job.zip')
      .expect(200);
    expect(response.body).toMatchObject({ file_name: 'Ready_Job.zip' });
  });

  it('answers CORS preflight requests, so browsers on other origins can call the API', async () => {
    const response = await http()
      .options('/api/v2/download/awards/')
      .set('Origin', 'https://www.usaspending.gov')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type')
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://www.usaspending.gov');
    expect(response.headers['access-control-allow-methods']).toContain('POST');
  });

  it.each(['null', '"text"', '[1]'])(
    'answers a JSON body %s that is not an object with a clear 400',
    async (body) => {
      const response = await http()
        .post('/api/v2/download/awards/')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(response.body).toEqual({ detail: 'The request body must be a JSON object.' });
    },
  );

  it('answers 405 with the reference text for a wrong method on a known route', async () => {
    const response = await http().post('/api/v2/download/status/').send({}).expect(405);
    expect(response.body).toEqual({ detail: 'Method "POST" not allowed.' });
    expect(response.headers.allow).toContain('GET');
  });

  it('answers 404 with a detail body for an unknown route', async () => {
    const response = await http().get('/api/v2/no_such_route/').expect(404);
    expect(response.body).toEqual({ detail: 'Not found.' });
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await http()
      .post('/api/v2/download/status')
      .set('Content-Type', 'application/json')
      .send('{"filters": ')
      .expect(400);
    expect((response.body as { detail: string }).detail).toMatch(/^JSON parse error - /);
  });

  it('answers 413 for an oversized body', async () => {
    const response = await http()
      .post('/api/v2/download/status')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ columns: 'x'.repeat(4096) }))
      .expect(413);
    expect(response.body).toEqual({ detail: 'Request body is too large.' });
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await http()
      .post('/api/v2/download/status')
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(415);
    expect(response.body).toEqual({ detail: 'Unsupported media type "text/plain" in request.' });
  });

  it('reports database, Redis and storage on /health', async () => {
    const response = await http().get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      queue: 'bull',
      database: { status: 'up' },
      redis: { status: 'up' },
      storage: { status: 'up', driver: 'local' },
    });
  });

  it('serves Swagger UI and the OpenAPI document', async () => {
    const ui = await http().get('/docs/').expect(200);
    expect(ui.text).toContain('swagger-ui');
    const document = await http().get('/docs-json').expect(200);
    const spec = document.body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const paths = Object.keys(spec.paths);
    expect(Object.keys(spec.paths['/api/v2/download/awards'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '405', '415', '422']),
    );
    expect(Object.keys(spec.paths['/api/v2/download/status'].get.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404']),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v2/download/status',
        '/api/v2/bulk_download/status',
        '/api/v2/download/awards',
        '/api/v2/download/transactions',
        '/api/v2/download/count',
        '/api/v2/download/accounts',
        '/api/v2/bulk_download/awards',
        '/api/v2/bulk_download/list_agencies',
        '/api/v2/bulk_download/list_monthly_files',
        '/health',
        '/csv_downloads/{fileName}',
      ]),
    );
  });
});
