import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { to as copyTo } from 'pg-copy-streams';
import { Client } from 'pg';
import { parseCsv } from '../support/csv-records';
import { queueProbeJob, waitForJob } from '../support/jobs';
import { PROBE_REQUEST_TYPE, PROBE_TABLE_SQL } from '../support/probe-planner';
import { DownloadRecoveryService } from '../../src/generation/download-recovery.service';
import { flushTestRedis } from '../support/redis';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource, TEST_DATABASE_URL } from '../support/test-database';
import { readZip } from '../support/zip-reader';

const PROBE_SQL = 'SELECT id, description, amount, action_date, is_even FROM pipeline_probe';
const HEADER = 'id,description,amount,action_date,is_even';

async function directCopy(sql: string): Promise<string> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const chunks: Buffer[] = [];
    const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await client.end();
  }
}

describe('download pipeline through Bull, PostgreSQL and local storage', () => {
  let dataSource: DataSource;
  let app: NestExpressApplication;
  let storageDir: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    await flushTestRedis();
    dataSource = await openMigratedDataSource();
    await dataSource.query(PROBE_TABLE_SQL);
    storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
    ({ app } = await createTestApp({ LOCAL_STORAGE_DIR: storageDir, ROWS_PER_FILE_PART: '1000' }));
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.query('DROP TABLE IF EXISTS pipeline_probe');
    await dataSource?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('streams a query into 1,000-row parts of a zip that match a direct COPY of the same query', async () => {
    const fileName = await queueProbeJob(app, { file_format: 'csv', sql: PROBE_SQL });
    const status = await waitForJob(app, fileName);

    expect(status).toMatchObject({
      status: 'finished',
      message: null,
      file_name: fileName,
      total_rows: 2500,
      total_columns: 5,
    });
    expect(status.file_url).toMatch(new RegExp(`/csv_downloads/${fileName}$`));
    expect(status.url).toBe(status.file_url);
    expect(Number(status.seconds_elapsed)).toBeGreaterThan(0);

    const download = await http().get(new URL(status.file_url).pathname).responseType('blob');
    expect(download.status).toBe(200);
    const zipBytes = download.body as Buffer;
    expect(status.total_size).toBeCloseTo(zipBytes.length / 1000, 3);

    const entries = await readZip(zipBytes);
    expect([...entries.keys()]).toEqual(['Probe_Rows_1.csv', 'Probe_Rows_2.csv', 'Probe_Rows_3.csv']);
    const parts = [...entries.values()].map((content) => content.toString('utf8'));
    for (const part of parts) {
      expect(part.startsWith(`${HEADER}\r\n`)).toBe(true);
      expect(part.endsWith('\r\n')).toBe(true);
      // every record terminator is CRLF; bare LF survives only inside quoted values
      expect(part.replace(/"[^"]*"/g, '').includes('\n')).toBe(part.replace(/"[^"]*"/g, '').includes('\r\n'));
    }
    const partRows = parts.map((part) => parseCsv(part).slice(1));
    expect(partRows.map((rows) => rows.length)).toEqual([1000, 1000, 500]);

    const expected = parseCsv(await directCopy(PROBE_SQL)).slice(1);
    expect(partRows.flat()).toEqual(expected);
    expect(parts.join('')).not.toContain(',"",'); // empty strings are written like NULLs
  });

  it.each([
    ['tsv', '\t', 'tsv'],
    ['pstxt', '|', 'txt'],
  ] as const)('writes %s files with their delimiter and extension', async (format, delimiter, extension) => {
    const sql = `${PROBE_SQL} WHERE id <= 20`;
    const fileName = await queueProbeJob(app, { file_format: format, sql });
    const status = await waitForJob(app, fileName);
    expect(status).toMatchObject({ status: 'finished', total_rows: 20 });

    const download = await http().get(new URL(status.file_url).pathname).responseType('blob');
    const entries = await readZip(download.body as Buffer);
    const content = entries.get(`Probe_Rows_1.${extension}`)!.toString('utf8');
    expect(content.startsWith(`${HEADER.replaceAll(',', delimiter)}\r\n`)).toBe(true);
    const expected = parseCsv(await directCopy(sql)).slice(1);
    expect(parseCsv(content, delimiter).slice(1)).toEqual(expected);
  });

  it('writes the header alone when the query selects no row, and an empty file for a deselected one', async () => {
    const fileName = await queueProbeJob(app, {
      file_format: 'csv',
      sql: `${PROBE_SQL} WHERE false`,
      with_empty_file: true,
    });
    const status = await waitForJob(app, fileName);
    expect(status).toMatchObject({ status: 'finished', total_rows: 0, total_columns: 5 });
    const download = await http().get(new URL(status.file_url).pathname).responseType('blob');
    const entries = await readZip(download.body as Buffer);
    expect(entries.get('Probe_Rows_1.csv')!.toString('utf8')).toBe(`${HEADER}\r\n`);
    expect([...entries.keys()]).toEqual(['Probe_Rows_1.csv', 'Probe_Nothing.csv']);
    expect(entries.get('Probe_Nothing.csv')!.length).toBe(0);
  });

  it('shows the rows written so far while a job runs', async () => {
    const slowSql = 'SELECT n AS id, pg_sleep(0.002) AS nap FROM generate_series(1, 1500) AS n';
    const fileName = await queueProbeJob(app, { file_format: 'csv', sql: slowSql });
    const seen: number[] = [];
    for (;;) {
      const response = await http().get('/api/v2/download/status').query({ file_name: fileName });
      const body = response.body as {
        status: string;
        total_rows: number | null;
        seconds_elapsed: string | null;
      };
      if (body.status === 'finished') break;
      if (body.status === 'running') {
        expect(body.seconds_elapsed).not.toBeNull();
        seen.push(body.total_rows ?? 0);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(seen.some((rows) => rows > 0 && rows < 1500)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('re-queues a job whose queue entry was lost (e.g. Redis restarted) and completes it', async () => {
    const fileName = `Lost_${Date.now()}.zip`;
    const jsonRequest = JSON.stringify({ file_format: 'csv', sql: `${PROBE_SQL} WHERE id <= 5` });
    const [{ download_job_id: id }] = await dataSource.query<{ download_job_id: number }[]>(
      `INSERT INTO download_job (job_status_id, file_name, json_request, request_type, request_hash, update_date)
       VALUES (2, $1, $2, $3, 'lost', now() - interval '10 minutes') RETURNING download_job_id`,
      [fileName, jsonRequest, PROBE_REQUEST_TYPE],
    );
    const recovered = await app.get(DownloadRecoveryService).sweep(120_000);
    expect(recovered).toContain(id);
    const status = await waitForJob(app, fileName);
    expect(status).toMatchObject({ status: 'finished', total_rows: 5 });
    expect(await app.get(DownloadRecoveryService).sweep(0)).not.toContain(id);
  });

  it('fails a broken query at once with a sentence, and leaves nothing in storage', async () => {
    const fileName = await queueProbeJob(app, {
      file_format: 'csv',
      sql: 'SELECT no_such_column FROM pipeline_probe',
    });
    const status = await waitForJob(app, fileName);
    expect(status.status).toBe('failed');
    expect(status.message).toBe('The download could not be generated: its database query was rejected.');
    expect(status.message).not.toMatch(/no_such_column|Error|at /);
    const [{ attempt_count }] = await dataSource.query<{ attempt_count: number }[]>(
      'SELECT attempt_count FROM download_job WHERE file_name = $1',
      [fileName],
    );
    expect(attempt_count).toBe(1);
    const left = await readdir(storageDir);
    expect(left.filter((name) => name.includes(fileName.replace('.zip', '')))).toEqual([]);
    await http().get(`/csv_downloads/${fileName}`).expect(404);
  });

  it('answers many concurrent polls of different files, each with its own job', async () => {
    const small = await queueProbeJob(app, { file_format: 'csv', sql: `${PROBE_SQL} WHERE id <= 3` });
    const broken = await queueProbeJob(app, {
      file_format: 'csv',
      sql: 'SELECT no_such_column FROM pipeline_probe',
    });
    await waitForJob(app, small);
    await waitForJob(app, broken);
    const asked = Array.from({ length: 60 }, (_, index) => [small, broken, `Never_${index}.zip`][index % 3]);
    const answers = await Promise.all(
      asked.map((fileName) => http().get('/api/v2/download/status').query({ file_name: fileName })),
    );
    answers.forEach((answer, index) => {
      const fileName = asked[index];
      if (fileName === small)
        expect(answer.body).toMatchObject({ status: 'finished', file_name: small, total_rows: 3 });
      else if (fileName === broken)
        expect(answer.body).toMatchObject({ status: 'failed', file_name: broken });
      else expect(answer.status).toBe(404);
    });
  });
});
