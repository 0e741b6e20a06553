import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DownloadJobRepository } from '../../src/download-jobs/download-job.repository';
import { DownloadQueue } from '../../src/queue/download-queue';
import { PROBE_REQUEST_TYPE, ProbeRequest } from './probe-planner';

let counter = 0;

/** Creates a probe job row and queues it, as a download route will. */
export async function queueProbeJob(app: INestApplication, probe: ProbeRequest): Promise<string> {
  return queueProbeJobNamed(app, uniqueJobName('Probe'), probe);
}

/** A file name no other job of this run has: `<prefix>_<time>_<pid>_<n>.zip`. */
export function uniqueJobName(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now()}_${process.pid}_${counter}.zip`;
}

/** As queueProbeJob, under a name the caller chose (e.g. one its SQL refers to). */
export async function queueProbeJobNamed(
  app: INestApplication,
  fileName: string,
  probe: ProbeRequest,
): Promise<string> {
  const jsonRequest = JSON.stringify(probe);
  const job = await app.get(DownloadJobRepository).create({
    fileName,
    requestType: PROBE_REQUEST_TYPE,
    jsonRequest,
    requestHash: createHash('sha256').update(jsonRequest).digest('hex'),
  });
  await app.get(DownloadQueue).enqueue(job.id);
  return fileName;
}

export interface StatusBody {
  status: string;
  message: string | null;
  file_name: string;
  file_url: string;
  url: string;
  total_size: number | null;
  total_columns: number | null;
  total_rows: number | null;
  seconds_elapsed: string | null;
}

/** Polls the status route until the job is finished or failed. */
export async function waitForJob(
  app: INestApplication,
  fileName: string,
  timeoutMs = 30_000,
): Promise<StatusBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(app.getHttpServer() as App)
      .get('/api/v2/download/status')
      .query({ file_name: fileName });
    const body = response.body as StatusBody;
    if (body.status === 'finished' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`job ${fileName} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
