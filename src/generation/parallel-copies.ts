import { join } from 'node:path';
import { CopySpool } from './copy-spool';
import type { CopyStream, CopyStreamRepository } from './copy-stream.repository';
import type { DownloadSource } from './download-plan';
import { createSpoolDir, removeSpoolDir } from './spool-dirs';

type Delimiter = Parameters<CopyStreamRepository['open']>[1];

/**
 * The COPYs of one download, up to `parallelism` at once on separate connections, handed to the zip in plan
 * order. The file the zip is writing streams straight from its COPY; later files run ahead into temporary
 * files (CopySpool) that the zip reads back when it reaches them, while they are still growing. Memory stays
 * a few chunks per COPY whatever the sizes; disk holds at most the files run ahead.
 *
 * Spools start in plan order, so the file the zip asks for next has always started, or can start at once.
 */
export class ParallelCopies {
  /** Spools by source index, from the moment their COPY is being opened. */
  private readonly spools = new Map<number, Promise<CopySpool | undefined>>();
  private next = 0;
  private running = 0;
  private dir: Promise<string> | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly copies: CopyStreamRepository,
    private readonly sources: readonly DownloadSource[],
    private readonly delimiter: Delimiter,
    private readonly parallelism: number,
    /** A COPY running ahead failed: the attempt fails now, not when the zip reaches that file. */
    private readonly onFailure: (error: Error) => void,
  ) {}

  /** The rows of source `index`: its spool if it ran ahead, otherwise a COPY opened now. */
  async open(index: number): Promise<CopyStream> {
    if (this.failure) throw this.failure;
    const starting = this.spools.get(index);
    if (starting) {
      const spool = await starting;
      if (!spool) throw this.failure ?? new Error('The COPY of this file failed');
      return this.fromSpool(index, spool);
    }
    this.next = Math.max(this.next, index + 1);
    this.running += 1;
    try {
      const copy = await this.copies.open(this.sources[index].sql!, this.delimiter);
      this.runAhead();
      let released = false;
      return {
        stream: copy.stream,
        backendPid: copy.backendPid,
        release: (error) => {
          if (released) return;
          released = true;
          copy.release(error);
          this.finished();
        },
      };
    } catch (error) {
      this.finished();
      throw error;
    }
  }

  /** Stops every COPY still running ahead and removes the temporary files (the attempt is over). */
  async close(error?: Error): Promise<void> {
    this.failure ??= error ?? new Error('The download is over');
    const spools = (await Promise.all(this.spools.values())).filter((spool) => spool !== undefined);
    for (const spool of spools) spool.abort(this.failure);
    await Promise.all(spools.map((spool) => spool.done.catch(() => undefined)));
    await Promise.all(spools.map((spool) => spool.remove()));
    this.spools.clear();
    if (this.dir) await removeSpoolDir(await this.dir);
  }

  private fromSpool(index: number, spool: CopySpool): CopyStream {
    return {
      stream: spool.reader(),
      backendPid: spool.backendPid,
      release: () => {
        this.spools.delete(index);
        void spool.remove();
      },
    };
  }

  private finished(): void {
    this.running -= 1;
    this.runAhead();
  }

  /** Starts the next files' COPYs into spools while connections are free. */
  private runAhead(): void {
    while (!this.failure && this.running < this.parallelism && this.next < this.sources.length) {
      const index = this.next++;
      const sql = this.sources[index].sql;
      if (sql === null) continue;
      this.running += 1;
      const starting = this.startSpool(index, sql);
      this.spools.set(index, starting);
      void starting.then(async (spool) => {
        await spool?.done.catch(() => undefined);
        this.finished();
      });
    }
  }

  /** The spool of source `index` once its COPY is open; undefined when it could not start. */
  private async startSpool(index: number, sql: string): Promise<CopySpool | undefined> {
    try {
      this.dir ??= createSpoolDir();
      const dir = await this.dir;
      const copy = await this.copies.open(sql, this.delimiter);
      if (this.failure) {
        copy.release(this.failure);
        return undefined;
      }
      const spool = new CopySpool(copy, join(dir, `${index}.csv`));
      spool.done.catch((error: Error) => {
        if (!this.failure) this.onFailure(error);
      });
      return spool;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (!this.failure) this.onFailure(failure);
      return undefined;
    }
  }
}
