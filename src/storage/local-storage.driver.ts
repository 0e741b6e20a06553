import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSafeObjectName, objectUrlPath } from './object-name.util';
import { ByteRange, StorageDriver, StoredObject } from './storage.driver';

/** Stores objects as plain files in one directory (zero-configuration mode and tests). */
export class LocalStorageDriver implements StorageDriver {
  readonly kind = 'local';

  constructor(
    private readonly dir: string,
    private readonly filesBaseUrl: string,
  ) {}

  async save(name: string, body: Readable): Promise<StoredObject> {
    const finalPath = this.pathOf(name);
    // Not memoized: it is one cheap syscall and survives the directory being removed meanwhile.
    // The object's own directory: the storage root, or its folder (award_data_archive/).
    const folder = dirname(finalPath);
    await mkdir(folder, { recursive: true });
    // The leading dot keeps the temp file out of reach of isSafeObjectName (and so of downloads);
    // the random suffix keeps two writers of the same name from sharing one temp file.
    const tempPath = join(folder, `.${basename(finalPath)}.${randomBytes(6).toString('hex')}.partial`);
    try {
      await pipeline(body, createWriteStream(tempPath, { flags: 'wx' }));
      // rename is atomic within a directory: readers see either no file or the complete one.
      await rename(tempPath, finalPath);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    const { size } = await stat(finalPath);
    return { size };
  }

  async stat(name: string): Promise<StoredObject | null> {
    try {
      const stats = await stat(this.pathOf(name));
      return stats.isFile() ? { size: stats.size } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async read(name: string, range?: ByteRange): Promise<Readable> {
    // Opening eagerly makes a missing file reject here rather than error later mid-response.
    const handle = await open(this.pathOf(name), 'r');
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async remove(name: string): Promise<void> {
    await rm(this.pathOf(name), { force: true });
  }

  publicUrl(name: string): string {
    return `${this.filesBaseUrl}/${objectUrlPath(name)}`;
  }

  async check(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const probe = join(this.dir, `.health-${randomBytes(6).toString('hex')}.probe`);
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  }

  /** Resolves a name to its path, refusing anything that could escape the directory. */
  private pathOf(name: string): string {
    if (!isSafeObjectName(name)) throw new Error(`Invalid storage object name: ${JSON.stringify(name)}`);
    return join(this.dir, name);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
