import { EventEmitter, once } from 'node:events';
import { createWriteStream, promises as fs } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CopyStream } from './copy-stream.repository';

const READ_CHUNK_BYTES = 256 * 1024;

/**
 * One COPY written to a temporary file while the zip is still busy with earlier files, and read back from
 * the start as it grows: the database works ahead on its own connection, memory holds a chunk or two.
 */
export class CopySpool {
  private written = 0;
  private finished = false;
  private failure: Error | undefined;
  private readonly changes = new EventEmitter();
  /** The file exists (the write stream opens it asynchronously). */
  private readonly created: Promise<unknown>;
  readonly done: Promise<void>;

  constructor(
    private readonly copy: CopyStream,
    readonly path: string,
  ) {
    this.changes.setMaxListeners(0);
    // Counted as the bytes go to the file: a reader may get ahead of the disk, so it tolerates short reads.
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        callback(null, chunk);
        this.grow(chunk.length);
      },
    });
    const file = createWriteStream(path);
    this.created = once(file, 'open');
    this.created.catch(() => undefined); // a file that cannot be created fails the pipeline too
    this.done = pipeline(copy.stream, counter, file).then(
      () => {
        this.finished = true;
        copy.release();
        this.changes.emit('change');
      },
      (error: unknown) => {
        this.failure = error instanceof Error ? error : new Error(String(error));
        copy.release(this.failure);
        this.changes.emit('change');
        throw this.failure;
      },
    );
    this.done.catch(() => undefined); // observed by the reader and by whoever awaits done
  }

  get backendPid(): number {
    return this.copy.backendPid;
  }

  /** Stops the COPY (the attempt failed); the file is removed by remove(). */
  abort(error: Error): void {
    if (!this.finished) this.copy.stream.destroy(error);
  }

  async remove(): Promise<void> {
    await fs.rm(this.path, { force: true });
  }

  /** The file's bytes from the start, following the COPY until it ends; fails as the COPY does. */
  reader(): Readable {
    let position = 0;
    let handle: fs.FileHandle | undefined;
    const pull = async (): Promise<void> => {
      if (!handle) {
        await Promise.race([this.created, this.done]);
        handle = await fs.open(this.path, 'r');
      }
      for (;;) {
        if (this.failure) throw this.failure;
        if (position < this.written) {
          const length = Math.min(READ_CHUNK_BYTES, this.written - position);
          const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(length), 0, length, position);
          if (bytesRead > 0) {
            position += bytesRead;
            readable.push(bytesRead === length ? buffer : buffer.subarray(0, bytesRead));
            return;
          }
        }
        if (this.finished && position >= this.written) {
          readable.push(null);
          return;
        }
        // Once the COPY has finished the file is complete on disk: what is left can be read at once.
        if (!this.finished) await new Promise((resolve) => this.changes.once('change', resolve));
      }
    };
    const readable: Readable = new Readable({
      highWaterMark: READ_CHUNK_BYTES,
      read: () => void pull().catch((error: unknown) => readable.destroy(error as Error)),
      destroy: (error, callback) => {
        void (handle?.close() ?? Promise.resolve()).then(
          () => callback(error),
          () => callback(error),
        );
      },
    });
    return readable;
  }

  private grow(bytes: number): void {
    this.written += bytes;
    this.changes.emit('change');
  }
}
