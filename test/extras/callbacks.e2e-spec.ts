import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { withCallbackUrl } from '../../src/callbacks/callback-context';
import { DownloadSubmissionService } from '../../src/download-jobs/download-submission.service';
import { SEED_AWARD_EXAMPLE } from '../../src/download-request/seed-examples';
import { waitFor } from '../storage/storage-test-helpers';
import { waitForJob } from '../support/jobs';
import { PROBE_REQUEST_TYPE } from '../support/probe-planner';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

const SECRET = 'callback-test-secret';

interface Receipt {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** Completion callbacks end to end: the real routes, the Bull worker, and an HTTP receiver on this machine. */
describe('completion callbacks (callback_url)', () => {
  let seeded: SeededApp;
  let receiver: Server;
  let base: string;
  const receipts: Receipt[] = [];
  const failuresLeft = new Map<string, number>([['/flaky', 1]]);
  const http = () => request(seeded.app.getHttpServer());
  const at = (path: string) => receipts.filter((receipt) => receipt.path === path);
  const body = (keyword: string) => ({
    ...SEED_AWARD_EXAMPLE,
    filters: { ...SEED_AWARD_EXAMPLE.filters, keywords: ['Callback', keyword] },
  });

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = (req.url ?? '').split('?')[0];
        const left = failuresLeft.get(path) ?? 0;
        const answered = left > 0 ? 500 : 200;
        if (left > 0) failuresLeft.set(path, left - 1);
        receipts.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    seeded = await createSeededApp({
      CALLBACK_ALLOWED_HOSTS: `127.0.0.1:${port}`,
      CALLBACK_SECRET: SECRET,
      CALLBACK_RETRY_DELAY_MS: '200',
    });
    await seeded.dataSource.query(`DELETE FROM download_job WHERE json_request LIKE '%"Callback"%'`);
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('POSTs the signed status body once the job finishes, retrying with backoff until it is taken', async () => {
    const posted = await http()
      .post('/api/v2/download/awards/')
      .send({ ...body('Flaky'), callback_url: `${base}/flaky?ref=42` })
      .expect(200);
    const answer = posted.body as { file_name: string; download_request: object };
    // Not part of the request: the canonical request (and so the same-request cache) ignores it.
    expect(answer.download_request).not.toHaveProperty('callback_url');
    await waitForJob(seeded.app, answer.file_name, 60_000);
    await waitFor(() => at('/flaky').some((receipt) => receipt.answered === 200), 10_000);
    const [refused, taken] = at('/flaky');
    expect(refused.answered).toBe(500);
    expect(taken.body).toBe(refused.body);
    // One delivery taken: nothing more is sent.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(at('/flaky')).toHaveLength(2);

    const status = await http()
      .get('/api/v2/download/status')
      .query({ file_name: answer.file_name })
      .expect(200);
    expect(JSON.parse(taken.body)).toEqual(status.body);
    expect(status.body).toMatchObject({
      status: 'finished',
      file_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(taken.headers['content-type']).toBe('application/json');
    expect(taken.headers['x-download-signature']).toBe(
      `sha256=${createHmac('sha256', SECRET).update(taken.body).digest('hex')}`,
    );

    // A second requester of the same file (same-request cache) has its own callback.
    const again = await http()
      .post('/api/v2/download/awards/')
      .send({ ...body('Flaky'), callback_url: `${base}/second` })
      .expect(200);
    expect((again.body as { file_name: string }).file_name).toBe(answer.file_name);
    await waitFor(() => at('/second').length === 1, 10_000);
    expect(JSON.parse(at('/second')[0].body)).toMatchObject({
      file_name: answer.file_name,
      status: 'finished',
    });
  });

  it('calls back when the job fails too', async () => {
    const answer = await withCallbackUrl(`${base}/failed`, () =>
      seeded.app.get(DownloadSubmissionService).submit({
        requestType: PROBE_REQUEST_TYPE,
        canonicalRequest: { file_format: 'csv', sql: 'SELECT 1/0 AS boom' },
        fileName: (timestamp) => `Callback_Failed_${timestamp}.zip`,
      }),
    );
    await waitFor(() => at('/failed').length === 1, 20_000);
    expect(JSON.parse(at('/failed')[0].body)).toMatchObject({
      file_name: answer.file_name,
      status: 'failed',
      message: expect.any(String),
    });
  });

  it('refuses a callback_url on a host that is not allowed, or that is not a URL (400)', async () => {
    await http()
      .post('/api/v2/download/awards/')
      .send({ ...body('Refused'), callback_url: 'https://elsewhere.example.org/hook' })
      .expect(400, { detail: 'callback_url host elsewhere.example.org is not allowed on this server.' });
    await http()
      .post('/api/v2/bulk_download/awards/')
      .send({ callback_url: ['not', 'a', 'url'] })
      .expect(400, { detail: 'callback_url must be a URL (a non-empty string).' });
    const [{ n }] = await seeded.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM download_job WHERE json_request LIKE '%"Refused"%'`,
    );
    expect(Number(n)).toBe(0);
  });
});
