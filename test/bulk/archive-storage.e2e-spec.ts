import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { AppConfig, S3Config } from '../../src/config/app-config';
import { LocalStorageDriver } from '../../src/storage/local-storage.driver';
import { createMinioClient } from '../../src/storage/minio-client.factory';
import { S3StorageDriver } from '../../src/storage/s3-storage.driver';
import { StorageDriver } from '../../src/storage/storage.driver';
import { collect } from '../storage/storage-test-helpers';

const NAME = 'award_data_archive/FY(All)_020_Contracts_Delta_20240615.zip';

/** Both storage drivers keep archives under the `award_data_archive/` folder, with URLs in that folder. */
describe('archive objects in the award_data_archive folder', () => {
  let directory: string;
  let server: S3rver;
  let drivers: [string, StorageDriver][];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'archive-storage-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(directory, 's3') });
    const { port } = await server.run();
    const config = new AppConfig({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_BUCKET: 'archives',
    });
    // s3rver lacks ListMultipartUploads, which minio calls to resume an earlier upload (there is none).
    const forS3rver = (s3: S3Config) => {
      const client = createMinioClient(s3);
      client.findUploadId = () => Promise.resolve(undefined);
      return client;
    };
    drivers = [
      ['local', new LocalStorageDriver(join(directory, 'local'), 'http://files.test/csv_downloads')],
      ['s3', new S3StorageDriver(config.s3!, 'http://files.test', forS3rver)],
    ];
  });

  afterAll(async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  it.each(['local', 's3'])('%s: saves, reads, lists the URL of and removes an archive', async (kind) => {
    const driver = drivers.find(([name]) => name === kind)![1];
    const stored = await driver.save(NAME, Readable.from([Buffer.from('zip bytes')]));
    expect(stored.size).toBe(9);
    expect((await collect(await driver.read(NAME))).toString()).toBe('zip bytes');
    expect(driver.publicUrl(NAME)).toMatch(
      /^http:\/\/files\.test(\/csv_downloads)?\/award_data_archive\/FY\(All\)_020_Contracts_Delta_20240615\.zip$/,
    );
    await driver.remove(NAME);
    expect(await driver.stat(NAME)).toBeNull();
    await expect(driver.save('other_folder/x.zip', Readable.from([]))).rejects.toThrow(
      /Invalid storage object name/,
    );
  });

  it('leaves no temporary file beside a local archive', async () => {
    const driver = drivers[0][1];
    await driver.save(NAME, Readable.from([Buffer.from('x')]));
    expect(await readdir(join(directory, 'local', 'award_data_archive'))).toEqual([NAME.split('/')[1]]);
  });
});
