import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { AppConfig } from '../../src/config/app-config';
import { CopyStreamRepository } from '../../src/generation/copy-stream.repository';
import { DownloadSource } from '../../src/generation/download-plan';
import { ParallelCopies } from '../../src/generation/parallel-copies';
import { TEST_DATABASE_URL } from '../support/test-database';

/** Rows of awkward text, slowed down so that running ahead is measurable: `seconds` per file. */
const slowRows = (rows: number, seconds: number, tag: string) =>
  `SELECT n, '${tag} "quoted", ' || n || E'\\nline' AS text, pg_sleep(${seconds / rows}) AS pause
   FROM generate_series(1, ${rows}) AS n`;

const SOURCES: DownloadSource[] = [
  { baseName: 'first', sql: slowRows(200, 1.5, 'first') },
  { baseName: 'second', sql: slowRows(1_000, 1.5, 'second') },
  { baseName: 'empty', sql: null },
  { baseName: 'third', sql: slowRows(300, 1.5, 'third') },
];

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function spoolDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('usaspending-spool-'));
}

/** Reads the files in plan order, as the zip does; returns each file's bytes and the seconds it took. */
async function readInOrder(copies: ParallelCopies, sources: readonly DownloadSource[]) {
  const started = Date.now();
  const files: Buffer[] = [];
  for (const [index, source] of sources.entries()) {
    if (source.sql === null) continue;
    const copy = await copies.open(index);
    files.push(await readAll(copy.stream));
    copy.release();
  }
  await copies.close();
  return { files, seconds: (Date.now() - started) / 1000 };
}

describe('ParallelCopies', () => {
  let repository: CopyStreamRepository;

  beforeAll(() => {
    repository = new CopyStreamRepository(
      TEST_DATABASE_URL,
      new AppConfig({ DATABASE_URL: TEST_DATABASE_URL, COPY_PARALLELISM: '3' }),
    );
  });

  afterAll(() => repository.onModuleDestroy());

  it('hands over the same bytes in plan order as one COPY after another, in less time', async () => {
    const before = await spoolDirs();
    const fail = jest.fn();
    const serial = await readInOrder(new ParallelCopies(repository, SOURCES, ',', 1, fail), SOURCES);
    const parallel = await readInOrder(new ParallelCopies(repository, SOURCES, ',', 3, fail), SOURCES);
    expect(fail).not.toHaveBeenCalled();
    expect(parallel.files.map((file) => file.length)).toEqual(serial.files.map((file) => file.length));
    parallel.files.forEach((file, i) => expect(file.equals(serial.files[i])).toBe(true));
    expect(serial.files[1].toString('utf8')).toContain('second ""quoted""');
    // Three COPYs of ~1.5 s each: one after another ≥ 4.5 s, side by side well under that.
    expect(serial.seconds).toBeGreaterThan(4.4);
    expect(parallel.seconds).toBeLessThan(serial.seconds - 1.5);
    expect(await spoolDirs()).toEqual(before);
  });

  it('fails the attempt as soon as a file running ahead fails, and leaves no temporary file', async () => {
    const before = await spoolDirs();
    const broken: DownloadSource[] = [
      SOURCES[0],
      { baseName: 'broken', sql: 'SELECT 1 / (n - n) FROM generate_series(1, 10) AS n' },
    ];
    const failed = new Promise<Error>((resolve) => {
      const copies = new ParallelCopies(repository, broken, ',', 2, resolve);
      void copies.open(0).then(async (copy) => {
        // The first file is still being read when the second one's failure arrives.
        const error = await failed;
        copy.release(error);
        await copies.close(error);
      });
    });
    expect((await failed).message).toMatch(/division by zero/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await spoolDirs()).toEqual(before);
  });
});
