import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Fetches a file through the file route and checks it against the digest the service recorded. */
export async function fetchVerified(
  app: INestApplication,
  fileUrl: string,
  expectedSha256: string,
): Promise<Buffer> {
  const response = await request(app.getHttpServer() as App)
    .get(new URL(fileUrl).pathname)
    .responseType('blob')
    .expect(200);
  const bytes = response.body as Buffer;
  const actual = sha256Hex(bytes);
  expect(actual).toBe(expectedSha256);
  expect(response.headers['repr-digest']).toBe(
    `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`,
  );
  expect(response.headers.etag).toBe(`"${actual}"`);
  return bytes;
}
