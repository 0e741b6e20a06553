import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import { DownloadJobEntity } from '../../src/database/entities/download-job.entity';
import { DownloadJobRepository } from '../../src/download-jobs/download-job.repository';
import { AbandonedFilesSweeper } from '../../src/generation/abandoned-files.sweeper';
import { CopyStreamRepository } from '../../src/generation/copy-stream.repository';
import { DownloadSource } from '../../src/generation/download-plan';
import { ParallelCopies } from '../../src/generation/parallel-copies';
import { LocalStorageDriver } from '../../src/storage/local-storage.driver';
import { openMigratedDataSource, TEST_DATABASE_URL } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');

/** Files slow enough (~2 s each) that the second one is still spooling while the first is read. */
const SOURCES: DownloadSource[] = [
  { baseName: 'first', sql: 'SELECT n, pg_sleep(0.01) FROM generate_series(1, 200) AS n' },
  { baseName: 'second', sql: 'SELECT n, pg_sleep(0.01) FROM generate_series(1, 200) AS n' },
];

const spoolDirs = async () =>
  (await readdir(tmpdir()))
    .filter((name) => name.startsWith('usaspending-spool-'))
    .map((name) => join(tmpdir(), name));

/** A process that makes a spool folder with a file in it, as a worker does, and is then killed. */
async function spoolOfKilledProcess(): Promise<string> {
  const script = `
    const { writeFileSync } = require('node:fs');
    require('./src/generation/spool-dirs').createSpoolDir().then((dir) => {
      writeFileSync(dir + '/1.csv', 'a,b\\r\\n');
      console.log(dir);
    });
    setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  child.kill('SIGKILL');
  await once(child, 'exit');
  return line.toString('utf8').trim();
}

async function readAll(stream: Readable): Promise<void> {
  for await (const chunk of stream) void chunk;
}

describe('sweep of spool folders', () => {
  let dataSource: DataSource;
  let repository: CopyStreamRepository;
  let storageDir: string;
  let sweeper: AbandonedFilesSweeper;

  beforeAll(async () => {
    dataSource = await openMigratedDataSource();
    repository = new CopyStreamRepository(
      TEST_DATABASE_URL,
      new AppConfig({ DATABASE_URL: TEST_DATABASE_URL, COPY_PARALLELISM: '2' }),
    );
    storageDir = await mkdtemp(join(tmpdir(), 'spool-sweep-storage-'));
    sweeper = new AbandonedFilesSweeper(
      new DownloadJobRepository(dataSource.getRepository(DownloadJobEntity), dataSource),
      new LocalStorageDriver(storageDir, 'http://files.test'),
    );
  });

  afterAll(async () => {
    await repository.onModuleDestroy();
    await dataSource.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it("removes the folder of a killed worker and keeps a running download's", async () => {
    const abandoned = await spoolOfKilledProcess();
    expect(existsSync(join(abandoned, '1.csv'))).toBe(true);

    const copies = new ParallelCopies(repository, SOURCES, ',', 2, (error) => {
      throw error;
    });
    const first = await copies.open(0);
    // The second file runs ahead into this process's spool folder while the first is still being read.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const live = (await spoolDirs()).filter((dir) => dir !== abandoned && dir.includes(`-${process.pid}-`));
    expect(live).toHaveLength(1);

    expect(await sweeper.sweep(0)).toBeGreaterThanOrEqual(1);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(live[0])).toBe(true);

    // The running download is unharmed: both files read to their end, then its folder goes.
    await readAll(first.stream);
    first.release();
    const second = await copies.open(1);
    await readAll(second.stream);
    second.release();
    await copies.close();
    expect(existsSync(live[0])).toBe(false);
  });
});
