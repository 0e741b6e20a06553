import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'minio';
import type S3rver from 's3rver';
import { AppConfig, S3Config } from '../../src/config/app-config';
import { createMinioClient } from '../../src/storage/minio-client.factory';
import { S3StorageDriver } from '../../src/storage/s3-storage.driver';
import { s3rverWithMultipartCleanup, unfinishedUploads } from '../support/s3rver-with-multipart-cleanup';
import { collect, failingBody, waitFor } from './storage-test-helpers';

const BUCKET = 'test-downloads';
const MiB = 1024 * 1024;

/** A body of unknown length, in uneven chunks, so minio has to cut the parts itself. */
function randomBody(size: number, chunkSize = 300 * 1024 + 7): { body: Readable; sha256: string } {
  const data = randomBytes(size);
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < size; offset += chunkSize)
    chunks.push(data.subarray(offset, offset + chunkSize));
  return { body: Readable.from(chunks), sha256: createHash('sha256').update(data).digest('hex') };
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('S3StorageDriver (against s3rver)', () => {
  let directory: string;
  let server: S3rver;
  let config: AppConfig;
  let client: Client;
  /** Method and query of every request the driver's client sent (reset per test). */
  let requests: string[];
  let partsInFlight = 0;
  let driver: S3StorageDriver;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 's3rver-'));
    server = s3rverWithMultipartCleanup({ port: 0, address: '127.0.0.1', silent: true, directory });
    const { port } = await server.run();
    config = new AppConfig({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_BUCKET: BUCKET,
      S3_PART_SIZE_MB: '5',
    });
    // Requests are recorded to prove the upload really is multipart, and how a failed one ends.
    const forS3rver = (s3: S3Config): Client => {
      client = createMinioClient(s3);
      const request = client.makeRequestAsync.bind(client);
      client.makeRequestAsync = (options, ...rest) => {
        requests.push(`${options.method} ${options.query ?? ''}`);
        return request(options, ...rest);
      };
      const requestAndDrain = client.makeRequestAsyncOmit.bind(client);
      client.makeRequestAsyncOmit = async (options, ...rest) => {
        partsInFlight += 1;
        try {
          return await requestAndDrain(options, ...rest);
        } finally {
          partsInFlight -= 1;
        }
      };
      return client;
    };
    driver = new S3StorageDriver(config.s3!, config.filesBaseUrl, forS3rver);
  });

  beforeEach(() => {
    requests = [];
  });

  afterAll(async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('creates the bucket on first use and passes its health check', async () => {
    expect(driver.kind).toBe('s3');
    await expect(client.bucketExists(BUCKET)).resolves.toBe(false);
    await expect(driver.check()).resolves.toBeUndefined();
    await expect(client.bucketExists(BUCKET)).resolves.toBe(true);
    await expect(driver.check()).resolves.toBeUndefined(); // an existing bucket is fine too
  });

  it('round-trips a multi-part upload of unknown length byte for byte', async () => {
    const size = 12 * MiB + 123_457;
    const { body, sha256 } = randomBody(size);
    await expect(driver.save('big.zip', body)).resolves.toEqual({ size });
    expect(requests.filter((r) => /^PUT .*partNumber=/.test(r))).toHaveLength(3); // 5 + 5 + 2.1 MiB
    expect(requests.filter((r) => /^POST uploadId=/.test(r))).toHaveLength(1); // one CompleteMultipartUpload

    await expect(driver.stat('big.zip')).resolves.toEqual({ size });
    await expect(sha256Of(await driver.read('big.zip'))).resolves.toBe(sha256);

    const whole = await collect(await driver.read('big.zip'));
    const slice = await collect(await driver.read('big.zip', { start: 5 * MiB - 10, end: 5 * MiB + 9 }));
    expect(slice.equals(whole.subarray(5 * MiB - 10, 5 * MiB + 10))).toBe(true);
    // Not `bytes=0-0`: s3rver reads an end of 0 as "to the end" (real S3 and MinIO do not).
    const head = await collect(await driver.read('big.zip', { start: 0, end: 9 }));
    expect(head.equals(whole.subarray(0, 10))).toBe(true);
    const last = await collect(await driver.read('big.zip', { start: size - 1, end: size - 1 }));
    expect(last.equals(whole.subarray(size - 1))).toBe(true);
  });

  it('stores a small object in one request and removes it', async () => {
    const { body } = randomBody(1000);
    await expect(driver.save('small.zip', body)).resolves.toEqual({ size: 1000 });
    expect(requests.filter((r) => /uploads|uploadId/.test(r))).toEqual([]); // a single PUT, no multipart
    await driver.remove('small.zip');
    await expect(driver.stat('small.zip')).resolves.toBeNull();
    await expect(driver.remove('small.zip')).resolves.toBeUndefined(); // missing is fine
  });

  it('returns null when statting a missing object', async () => {
    await expect(driver.stat('never-written.zip')).resolves.toBeNull();
  });

  it('rejects a body that fails midway and leaves no object behind', async () => {
    // 7 MiB before the failure: one part has already been uploaded when the body fails.
    const saving = driver.save('broken.zip', failingBody(28, 256 * 1024));
    await expect(saving).rejects.toThrow(/Could not store "broken\.zip".*body failed midway/);
    // minio may still be sending the first part (the driver cannot wait for it); let it finish so
    // that nothing could complete the upload afterwards, and so that s3rver can close promptly.
    await waitFor(() => partsInFlight === 0);
    expect(requests).toContain('POST uploads'); // the multipart upload had begun …
    expect(requests.filter((r) => /^POST uploadId=/.test(r))).toEqual([]); // … was never completed …
    const uploadId = /uploadId=([^&]+)/.exec(requests.find((r) => r.startsWith('PUT uploadId=')) ?? '')?.[1];
    expect(requests).toContain(`DELETE uploadId=${uploadId}`); // … and was aborted by its own id
    expect(await unfinishedUploads(directory, BUCKET)).toEqual([]);
    await expect(driver.stat('broken.zip')).resolves.toBeNull();
    const keys: string[] = [];
    for await (const item of client.listObjectsV2(BUCKET, '', true))
      keys.push((item as { name: string }).name);
    expect(keys).not.toContain('broken.zip');
  });

  it('refuses unsafe names and builds public URLs from FILES_BASE_URL', async () => {
    await expect(driver.save('../x.zip', Readable.from([Buffer.from('x')]))).rejects.toThrow(
      'Invalid storage object name',
    );
    expect(driver.publicUrl('a b.zip')).toBe(`${config.filesBaseUrl}/a%20b.zip`);
    expect(config.filesBaseUrl).toMatch(new RegExp(`/${BUCKET}$`));
  });
});
