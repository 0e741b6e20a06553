import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { LocalStorageDriver } from '../../src/storage/local-storage.driver';
import { collect, failingBody, waitFor } from './storage-test-helpers';

describe('LocalStorageDriver (real filesystem)', () => {
  let root: string;
  let dir: string;
  let driver: LocalStorageDriver;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'local-storage-'));
    dir = join(root, 'nested', 'downloads'); // does not exist yet: save must create it
    driver = new LocalStorageDriver(dir, 'http://files.test/csv_downloads');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('saves, stats, reads whole and ranged, and removes an object', async () => {
    const data = randomBytes(256 * 1024 + 17);
    await expect(
      driver.save('a.zip', Readable.from([data.subarray(0, 1000), data.subarray(1000)])),
    ).resolves.toEqual({
      size: data.length,
    });
    await expect(driver.stat('a.zip')).resolves.toEqual({ size: data.length });
    expect((await collect(await driver.read('a.zip'))).equals(data)).toBe(true);
    const slice = await collect(await driver.read('a.zip', { start: 100, end: 199 }));
    expect(slice.equals(data.subarray(100, 200))).toBe(true);

    await driver.remove('a.zip');
    await expect(driver.stat('a.zip')).resolves.toBeNull();
    await expect(driver.remove('a.zip')).resolves.toBeUndefined(); // missing is fine
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('replaces an existing object atomically', async () => {
    await driver.save('b.zip', Readable.from([Buffer.from('old')]));
    await driver.save('b.zip', Readable.from([Buffer.from('newer')]));
    expect((await collect(await driver.read('b.zip'))).toString()).toBe('newer');
  });

  it('keeps the object invisible under its name until the body has ended', async () => {
    const body = new PassThrough();
    const saving = driver.save('c.zip', body);
    body.write(randomBytes(64 * 1024));
    await waitFor(async () => (await readdir(dir).catch(() => [])).some((f) => f.endsWith('.partial')));

    await expect(driver.stat('c.zip')).resolves.toBeNull();
    expect(await readdir(dir)).not.toContain('c.zip');

    body.end(randomBytes(10));
    await expect(saving).resolves.toEqual({ size: 64 * 1024 + 10 });
    await expect(readdir(dir)).resolves.toEqual(['c.zip']);
  });

  it('leaves neither the object nor a .partial file when the body fails midway', async () => {
    await expect(driver.save('d.zip', failingBody(8, 64 * 1024))).rejects.toThrow('body failed midway');
    await expect(driver.stat('d.zip')).resolves.toBeNull();
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('rejects names that could escape the directory', async () => {
    for (const name of ['../escape.zip', 'a/b.zip', '.hidden', '..']) {
      await expect(driver.save(name, Readable.from([Buffer.from('x')]))).rejects.toThrow(
        'Invalid storage object name',
      );
      await expect(driver.stat(name)).rejects.toThrow('Invalid storage object name');
    }
    await expect(readdir(root)).resolves.toEqual([]); // validated before anything is written
  });

  it('rejects reading a missing object', async () => {
    await expect(driver.read('missing.zip')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('builds public URLs and passes its health check', async () => {
    expect(driver.publicUrl('x(1).zip')).toBe('http://files.test/csv_downloads/x(1).zip');
    expect(driver.kind).toBe('local');
    await expect(driver.check()).resolves.toBeUndefined();
    await expect(readdir(dir)).resolves.toEqual([]); // the probe file is gone again
  });
});
