import { randomBytes } from 'node:crypto';
import { get, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppConfig } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { STORAGE_DRIVER, StorageDriver } from '../../src/storage/storage.driver';
import { StorageModule } from '../../src/storage/storage.module';

const NAME = 'PrimeAwardSummariesAndSubawards_2024-01-01_H12M34S56789012.zip';

/** supertest's binary parser, so bodies are compared byte for byte. */
function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('GET /csv_downloads/:fileName (local storage)', () => {
  let root: string;
  let app: INestApplication;
  let server: Server;
  let data: Buffer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'csv-downloads-'));
    const storageDir = join(root, 'downloads');
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(new AppConfig({ LOCAL_STORAGE_DIR: storageDir })), StorageModule],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1'); // a real port, for the client-abort test
    server = app.getHttpServer() as Server;

    data = randomBytes(100_000);
    const storage = app.get<StorageDriver>(STORAGE_DRIVER);
    expect(storage.kind).toBe('local');
    await storage.save(NAME, Readable.from([data]));
    await storage.save('notes.txt', Readable.from([Buffer.from('plain')]));
    // A file next to the storage directory that traversal attempts would like to reach.
    await writeFile(join(root, 'secret.json'), '{"secret": true}');
  });

  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves the whole file with download headers', async () => {
    const res = await request(server).get(`/csv_downloads/${NAME}`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-length']).toBe(String(data.length));
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${NAME}"`);
    expect(res.headers['content-range']).toBeUndefined();
    expect((res.body as Buffer).equals(data)).toBe(true);
  });

  it('serves non-zip files as octet-stream', async () => {
    const res = await request(server).get('/csv_downloads/notes.txt').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect((res.body as Buffer).toString()).toBe('plain');
  });

  it.each([
    ['bytes=100-199', 100, 199],
    ['bytes=99990-', 99_990, 99_999],
    ['bytes=-25', 99_975, 99_999],
    ['bytes=99000-200000', 99_000, 99_999],
    ['bytes=0-0', 0, 0],
  ])('answers Range %s with 206 and exactly that slice', async (range, start, end) => {
    const res = await request(server)
      .get(`/csv_downloads/${NAME}`)
      .set('Range', range)
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${data.length}`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect((res.body as Buffer).equals(data.subarray(start, end + 1))).toBe(true);
  });

  it('serves the whole file for several ranges', async () => {
    const res = await request(server)
      .get(`/csv_downloads/${NAME}`)
      .set('Range', 'bytes=0-1,5-6')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((res.body as Buffer).equals(data)).toBe(true);
  });

  it('answers an unsatisfiable Range with 416', async () => {
    const res = await request(server).get(`/csv_downloads/${NAME}`).set('Range', 'bytes=100000-').expect(416);
    expect(res.headers['content-range']).toBe(`bytes */${data.length}`);
    expect(res.body).toEqual({ detail: 'Requested range not satisfiable.' });
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await request(server).head(`/csv_downloads/${NAME}`).expect(200);
    expect(res.headers['content-length']).toBe(String(data.length));
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.text ?? '').toBe('');
  });

  it('answers 404 for an unknown file, by GET and by HEAD', async () => {
    await request(server).get('/csv_downloads/missing.zip').expect(404);
    await request(server).head('/csv_downloads/missing.zip').expect(404);
  });

  it.each([
    '/csv_downloads/..%2Fpackage.json',
    '/csv_downloads/%2e%2e%2fpackage.json',
    '/csv_downloads/%2E%2E%2Fsecret.json',
    '/csv_downloads/..%2Fsecret.json',
    '/csv_downloads/....//x',
    '/csv_downloads/a%5Cb',
    '/csv_downloads/..%5Csecret.json',
    '/csv_downloads/%252e%252e%252fsecret.json',
    '/csv_downloads/..',
    '/csv_downloads/.hidden',
    '/csv_downloads/%2Fetc%2Fpasswd',
    `/csv_downloads/..%2Fdownloads%2F${NAME}`,
  ])('answers 404 without file content for %s', async (path) => {
    const res = await request(server).get(path).buffer(true).parse(binary).expect(404);
    const body = (res.body as Buffer).toString('latin1');
    expect(body).not.toContain('secret');
    expect(body).not.toContain('"name"'); // package.json
    expect(body).not.toContain(data.subarray(0, 64).toString('latin1'));
  });

  it('survives a client hanging up mid-download and keeps serving', async () => {
    const big = 'big-download.zip';
    await app.get<StorageDriver>(STORAGE_DRIVER).save(big, Readable.from([randomBytes(32 * 1024 * 1024)]));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = get({ host: '127.0.0.1', port, path: `/csv_downloads/${big}` }, (res) => {
        res.once('data', () => {
          req.destroy(); // hang up after the first chunk of 32 MiB
          resolve();
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNRESET' ? resolve() : reject(error),
      );
    });
    await request(server).get(`/csv_downloads/${NAME}`).set('Range', 'bytes=0-9').expect(206);
  });
});
