import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { Entry, open as openZip, ZipFile } from 'yauzl';

/** One delimited file to import: a file on disk or an entry of a zip. */
export interface ImportInput {
  /** How messages name it: the path, or `archive.zip:entry.csv`. */
  readonly name: string;
  readonly delimiter: ',' | '\t' | '|';
  readonly bytes: number;
  open(): Promise<Readable>;
}

const DELIMITERS: Readonly<Record<string, ImportInput['delimiter']>> = {
  '.csv': ',',
  '.tsv': '\t',
  '.txt': '|',
};

/**
 * The delimited files behind the paths given: files as they are, zips by their `.csv`/`.tsv`/`.txt` entries,
 * folders recursively; in sorted name order within a folder or zip. Other entries (readmes, the data
 * dictionary) are skipped; a path that does not exist is an error.
 */
export async function expandInputs(paths: readonly string[]): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  for (const path of paths) inputs.push(...(await expandPath(path)));
  return inputs;
}

async function expandPath(path: string): Promise<ImportInput[]> {
  const info = await stat(path).catch(() => {
    throw new Error(`${path}: no such file or folder`);
  });
  if (info.isDirectory()) {
    const names = (await readdir(path)).sort();
    const nested = await Promise.all(
      names.filter((name) => !name.startsWith('.')).map((name) => expandPath(join(path, name))),
    );
    return nested.flat();
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.zip') return zipEntries(path);
  const delimiter = DELIMITERS[extension];
  if (!delimiter) return [];
  return [{ name: path, delimiter, bytes: info.size, open: () => Promise.resolve(createReadStream(path)) }];
}

function openZipFile(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    openZip(path, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(new Error(`${path}: not a readable zip (${error.message})`)) : resolve(zip),
    ),
  );
}

async function zipEntries(path: string): Promise<ImportInput[]> {
  const zip = await openZipFile(path);
  const entries: Entry[] = await new Promise((resolve, reject) => {
    const found: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      found.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return entries
    .filter((entry) => DELIMITERS[extname(entry.fileName).toLowerCase()])
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0))
    .map((entry) => ({
      name: `${path}:${entry.fileName}`,
      delimiter: DELIMITERS[extname(entry.fileName).toLowerCase()],
      bytes: entry.uncompressedSize,
      open: async () => {
        const reopened = await openZipFile(path);
        const stream: Readable = await new Promise((resolve, reject) =>
          reopened.openReadStream(entry, (error, read) => (error ? reject(error) : resolve(read))),
        );
        stream.on('close', () => reopened.close());
        return stream;
      },
    }));
}
