import { readdir } from 'node:fs/promises';
import request from 'supertest';
import { DownloadSubmissionService } from '../../src/download-jobs/download-submission.service';
import { StatusBody, waitForJob } from '../support/jobs';
import { PROBE_REQUEST_TYPE } from '../support/probe-planner';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { waitFor } from '../storage/storage-test-helpers';

type Answer = { file_name: string; cancel_token: string; status: string };
const CANCELLED = "Cancelled at the requester's request.";

/** A slow probe download: rows trickle out of PostgreSQL for about a minute unless it is cancelled. */
function slowProbe(marker: string) {
  return {
    file_format: 'csv',
    sql: `SELECT g AS n, '${marker}' AS marker, pg_sleep(0.05) AS pause FROM generate_series(1, 1200) AS g`,
  };
}

/** Cancel end to end: the real submission path, the cancel route, the Bull worker and PostgreSQL. */
describe('POST /api/v2/download/cancel/ (through Bull, local storage)', () => {
  let seeded: SeededApp;
  let counter = 0;
  const http = () => request(seeded.app.getHttpServer());
  const submit = (canonicalRequest: object): Promise<Answer> =>
    seeded.app.get(DownloadSubmissionService).submit({
      requestType: PROBE_REQUEST_TYPE,
      canonicalRequest,
      fileName: (timestamp) => `Cancel_Probe_${process.pid}_${(counter += 1)}_${timestamp}.zip`,
    }) as Promise<Answer>;
  const status = async (fileName: string): Promise<StatusBody> =>
    (await http().get('/api/v2/download/status').query({ file_name: fileName }).expect(200))
      .body as StatusBody;
  const cancel = (file_name: string, cancel_token: string) =>
    http().post('/api/v2/download/cancel/').send({ file_name, cancel_token });
  const queryRunning = async (marker: string): Promise<boolean> => {
    const rows = await seeded.dataSource.query<unknown[]>(
      `SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()`,
      [`COPY (SELECT g AS n, '${marker}'%`],
    );
    return rows.length > 0;
  };

  beforeAll(async () => {
    // One download at a time, so a second one waits `ready` while the first runs.
    seeded = await createSeededApp({ WORKER_CONCURRENCY: '1' });
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it('stops a ready and a running job within 2 s, cancelling the COPY and leaving no file', async () => {
    const marker = `cancel-running-${Date.now()}`;
    const running = await submit(slowProbe(marker));
    expect(running.cancel_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await waitFor(async () => (await status(running.file_name)).status === 'running', 20_000);
    await waitFor(() => queryRunning(marker), 10_000);

    const ready = await submit(slowProbe(`${marker}-second`));
    expect((await status(ready.file_name)).status).toBe('ready');
    expect(ready.cancel_token).not.toBe(running.cancel_token);

    // Refusals first: nothing is cancelled by them.
    await cancel(running.file_name, ready.cancel_token).expect(403, {
      detail: 'This cancel_token was not issued for this download.',
    });
    await cancel('No_Such_File.zip', running.cancel_token).expect(404, {
      detail: 'Download job with filename No_Such_File.zip does not exist.',
    });
    await http()
      .post('/api/v2/download/cancel/')
      .send({ file_name: running.file_name })
      .expect(400, { detail: 'Missing one or more required body parameters: cancel_token' });
    expect((await status(running.file_name)).status).toBe('running');

    const readyCancelled = await cancel(ready.file_name, ready.cancel_token).expect(200);
    expect(readyCancelled.body).toMatchObject({
      status: 'failed',
      message: CANCELLED,
      requesters_waiting: 0,
    });

    const started = Date.now();
    const runningCancelled = await cancel(running.file_name, running.cancel_token).expect(200);
    expect(runningCancelled.body).toMatchObject({
      status: 'failed',
      message: CANCELLED,
      requesters_waiting: 0,
    });
    await waitFor(async () => !(await queryRunning(marker)), 2_000);
    // The worker has let go of the job: the next download (another one) starts.
    const after = await submit({ file_format: 'csv', sql: 'SELECT 1 AS one' });
    expect((await waitForJob(seeded.app, after.file_name, 10_000)).status).toBe('finished');
    expect(Date.now() - started).toBeLessThan(5_000);

    for (const name of [running.file_name, ready.file_name]) {
      expect(await status(name)).toMatchObject({ status: 'failed', message: CANCELLED });
    }
    const stored = await readdir(seeded.storageDir);
    expect(
      stored.filter((name) => name.includes(running.file_name) || name.includes(ready.file_name)),
    ).toEqual([]);
    await cancel(running.file_name, running.cancel_token).expect(409, {
      detail: 'This download is failed; only a ready or running download can be cancelled.',
    });
  });

  it('refuses to cancel a finished download (409)', async () => {
    const done = await submit({ file_format: 'csv', sql: `SELECT 2 AS two, ${Date.now()} AS at` });
    expect((await waitForJob(seeded.app, done.file_name, 10_000)).status).toBe('finished');
    await cancel(done.file_name, done.cancel_token).expect(409, {
      detail: 'This download is finished; only a ready or running download can be cancelled.',
    });
    await http().get(`/csv_downloads/${done.file_name}`).expect(200);
  });

  it('cancels a job shared through the same-request cache only when every requester has', async () => {
    const marker = `cancel-shared-${Date.now()}`;
    const first = await submit(slowProbe(marker));
    const second = await submit(slowProbe(marker));
    expect(second.file_name).toBe(first.file_name);
    expect(second.cancel_token).not.toBe(first.cancel_token);
    await waitFor(() => queryRunning(marker), 20_000);

    const one = await cancel(first.file_name, first.cancel_token).expect(200);
    expect(one.body).toMatchObject({ status: 'running', requesters_waiting: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await status(first.file_name)).status).toBe('running');
    expect(await queryRunning(marker)).toBe(true);

    const both = await cancel(second.file_name, second.cancel_token).expect(200);
    expect(both.body).toMatchObject({ status: 'failed', message: CANCELLED, requesters_waiting: 0 });
    await waitFor(async () => !(await queryRunning(marker)), 2_000);

    // A cancelled job is not reused: the same request now makes a new job.
    const again = await submit(slowProbe(marker));
    expect(again.file_name).not.toBe(first.file_name);
    await cancel(again.file_name, again.cancel_token).expect(200);
  });
});
