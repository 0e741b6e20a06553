import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { SEED_AWARD_EXAMPLE } from '../../src/download-request/seed-examples';
import { ExpiredFilesSweeper } from '../../src/retention/expired-files.sweeper';
import { StatusBody, waitForJob } from '../support/jobs';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

type Status = StatusBody & { expires_at?: string; expired?: boolean; file_sha256?: string };

const HOUR_MS = 3_600_000;
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Retention end to end: stated expiry, the sweep, 410, and a fresh file for the same request. */
describe('retention of requested downloads (local storage, through Bull, cache on)', () => {
  let seeded: SeededApp;
  const http = () => request(seeded.app.getHttpServer());
  const status = async (fileName: string): Promise<Status> =>
    (await http().get('/api/v2/download/status').query({ file_name: fileName }).expect(200)).body as Status;
  const requestDownload = async (body: object): Promise<Status> => {
    const posted = await http().post('/api/v2/download/awards/').send(body).expect(200);
    return await waitForJob(seeded.app, (posted.body as { file_name: string }).file_name, 120_000);
  };
  // A request no other spec makes, so the same-request cache starts empty for it.
  const body = { ...SEED_AWARD_EXAMPLE, filters: { ...SEED_AWARD_EXAMPLE.filters, keywords: ['Retention'] } };

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_RETENTION_HOURS: '24' });
    await seeded.dataSource.query(`DELETE FROM download_job WHERE json_request LIKE '%"Retention"%'`);
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it('states the expiry, deletes the file when it passes, answers 410, and makes a new file on request', async () => {
    const first = await requestDownload(body);
    expect(first.status).toBe('finished');
    expect(first.expired).toBe(false);
    const [{ finished_at }] = await seeded.dataSource.query<{ finished_at: Date }[]>(
      'SELECT finished_at FROM download_job WHERE file_name = $1',
      [first.file_name],
    );
    // DOWNLOAD_RETENTION_HOURS after it finished (set by the worker at the same moment, give or take).
    expect(Math.abs(Date.parse(first.expires_at!) - finished_at.getTime() - 24 * HOUR_MS)).toBeLessThan(
      5_000,
    );
    const path = join(seeded.storageDir, first.file_name);
    expect(await exists(path)).toBe(true);

    // Identical request while the file is kept: the cache hands out the same file.
    const cached = await http().post('/api/v2/download/awards/').send(body).expect(200);
    expect((cached.body as { file_name: string }).file_name).toBe(first.file_name);

    // Time passes: the expiry is in the past.
    const expiresAt = new Date(Date.now() - 1_000);
    await seeded.dataSource.query('UPDATE download_job SET expires_at = $2 WHERE file_name = $1', [
      first.file_name,
      expiresAt,
    ]);
    const detail = `This download expired at ${expiresAt.toISOString()}; request it again.`;
    // Expired at once, whether or not the sweep has run.
    await http().get(`/csv_downloads/${first.file_name}`).expect(410, { detail });
    expect(await seeded.app.get(ExpiredFilesSweeper).sweep()).toBeGreaterThanOrEqual(1);
    expect(await exists(path)).toBe(false);
    const after = await status(first.file_name);
    expect(after).toMatchObject({ status: 'finished', expired: true, expires_at: expiresAt.toISOString() });
    await http().get(`/csv_downloads/${first.file_name}`).expect(410, { detail });
    await http().head(`/csv_downloads/${first.file_name}`).expect(410);

    const second = await requestDownload(body);
    expect(second.file_name).not.toBe(first.file_name);
    expect(second).toMatchObject({ status: 'finished', expired: false });
    await http().get(`/csv_downloads/${second.file_name}`).expect(200);
  });

  it('never hands out a cached file that was deleted from storage', async () => {
    const deletedBody = { ...body, filters: { ...body.filters, keywords: ['Retention', 'Deleted'] } };
    const first = await requestDownload(deletedBody);
    await rm(join(seeded.storageDir, first.file_name));
    const again = await requestDownload(deletedBody);
    expect(again.file_name).not.toBe(first.file_name);
    await http().get(`/csv_downloads/${again.file_name}`).expect(200);
  });

  it('does not hand out a cached file about to expire', async () => {
    const soonBody = { ...body, filters: { ...body.filters, keywords: ['Retention', 'Soon'] } };
    const first = await requestDownload(soonBody);
    await seeded.dataSource.query(
      `UPDATE download_job SET expires_at = now() + interval '5 minutes' WHERE file_name = $1`,
      [first.file_name],
    );
    const again = await requestDownload(soonBody);
    expect(again.file_name).not.toBe(first.file_name);
  });
});
