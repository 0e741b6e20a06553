import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForJob, StatusBody } from './jobs';
import { readZip } from './zip-reader';

export interface FinishedDownload {
  status: StatusBody;
  entries: Map<string, Buffer>;
}

/** Posts a download request, waits for its job and returns the unzipped files. */
export async function downloadFiles(
  app: INestApplication,
  path: string,
  body: object,
): Promise<FinishedDownload & { response: Record<string, unknown> }> {
  const posted = await request(app.getHttpServer() as App)
    .post(path)
    .send(body)
    .expect(200);
  const response = posted.body as Record<string, unknown>;
  const status = await waitForJob(app, response.file_name as string, 120_000);
  if (status.status !== 'finished') throw new Error(`download failed: ${status.message}`);
  const zip = await request(app.getHttpServer() as App)
    .get(new URL(status.file_url).pathname)
    .responseType('blob')
    .expect(200);
  return { response, status, entries: await readZip(zip.body as Buffer) };
}
