import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AWARD_DATA_ARCHIVE_FOLDER, isSafeObjectName, objectUrlPath } from './object-name.util';
import { isStorageOutage, StorageUnavailableError } from './storage-failure.util';
import { ByteRange, StorageDriver, StoredObject } from './storage.driver';

/** Temporary files of unfinished writes: `.<name>.<random>.partial`, invisible to isSafeObjectName. */
const PARTIAL_FILE = /^\.(.+)\.[0-9a-f]{12}\.partial$/;

/** Stores objects as plain files in one directory (zero-configuration mode and tests). */
export class LocalStorageDriver implements StorageDriver {
  readonly kind = 'local';
  /** Temp files a failed write could not remove (the folder was unwritable); removed when it works again. */
  private readonly leftovers = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly filesBaseUrl: string,
  ) {}

  async save(name: string, body: Readable): Promise<StoredObject> {
    const finalPath = this.pathOf(name);
    await this.removeLeftovers();
    // The object's own directory: the storage root, or its folder (award_data_archive/).
    const folder = dirname(finalPath);
    // The leading dot keeps the temp file out of reach of isSafeObjectName (and so of downloads);
    // the random suffix keeps two writers of the same name from sharing one temp file.
    const tempPath = join(folder, `.${basename(finalPath)}.${randomBytes(6).toString('hex')}.partial`);
    try {
      // Not memoized: it is one cheap syscall and survives the directory being removed meanwhile.
      await mkdir(folder, { recursive: true });
      await pipeline(body, createWriteStream(tempPath, { flags: 'wx' }));
      // rename is atomic within a directory: readers see either no file or the complete one.
      await rename(tempPath, finalPath);
    } catch (error) {
      // The producer must learn that nobody reads its stream any more (pipeline does it only once started).
      body.destroy(error instanceof Error ? error : new Error(String(error)));
      await this.discard(tempPath);
      throw error; // the write's own error, never a cleanup error that would hide it
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
      throw outage(error);
    }
  }

  async read(name: string, range?: ByteRange): Promise<Readable> {
    // Opening eagerly makes a missing file reject here rather than error later mid-response.
    try {
      const handle = await open(this.pathOf(name), 'r');
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    } catch (error) {
      throw isMissing(error) ? error : outage(error);
    }
  }

  async remove(name: string): Promise<void> {
    await rm(this.pathOf(name), { force: true });
  }

  publicUrl(name: string): string {
    return `${this.filesBaseUrl}/${objectUrlPath(name)}`;
  }

  async check(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      const probe = join(this.dir, `.health-${randomBytes(6).toString('hex')}.probe`);
      await writeFile(probe, 'ok');
      await rm(probe, { force: true });
    } catch (error) {
      throw new StorageUnavailableError(error);
    }
  }

  async removeAbandoned(olderThanMs: number, inUse: (name: string) => Promise<boolean>): Promise<number> {
    await this.removeLeftovers();
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const [folder, prefix] of [
      [this.dir, ''],
      [join(this.dir, AWARD_DATA_ARCHIVE_FOLDER), `${AWARD_DATA_ARCHIVE_FOLDER}/`],
    ]) {
      for (const entry of await listOrEmpty(folder)) {
        const match = PARTIAL_FILE.exec(entry);
        if (!match) continue;
        const path = join(folder, entry);
        const stats = await stat(path).catch(() => null);
        if (!stats || stats.mtimeMs > cutoff || (await inUse(`${prefix}${match[1]}`))) continue;
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private async discard(tempPath: string): Promise<void> {
    try {
      await rm(tempPath, { force: true });
    } catch {
      this.leftovers.add(tempPath);
    }
  }

  private async removeLeftovers(): Promise<void> {
    for (const path of this.leftovers) {
      try {
        await rm(path, { force: true });
        this.leftovers.delete(path);
      } catch {
        // Still not removable; tried again on the next write or sweep.
      }
    }
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

function outage(error: unknown): unknown {
  return isStorageOutage(error) ? new StorageUnavailableError(error) : error;
}

async function listOrEmpty(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}
