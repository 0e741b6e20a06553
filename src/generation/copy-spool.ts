import { EventEmitter, once } from 'node:events';
import { createWriteStream, promises as fs } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CopyStream } from './copy-stream.repository';

/**
 * The spool writes and reads the file in pieces of this size, not in the COPY's 64 KB chunks: per byte, a
 * file written and read back in 64 KB pieces cost about twice the CPU (system calls, thread-pool round trips).
 */
const PIECE_BYTES = 1024 * 1024;
/** A COPY sending rows slowly still reaches the file (and its reader) within this. */
const FLUSH_AFTER_MS = 200;

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
    const counter = new PieceCollector((bytes) => this.grow(bytes));
    const file = createWriteStream(path, { highWaterMark: PIECE_BYTES });
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
          const length = Math.min(PIECE_BYTES, this.written - position);
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
      highWaterMark: PIECE_BYTES,
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

/**
 * Gathers the COPY's chunks into pieces of PIECE_BYTES (the last one, or one waiting FLUSH_AFTER_MS, shorter)
 * and reports each piece's size as it is handed on towards the file.
 */
class PieceCollector extends Transform {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly handedOn: (bytes: number) => void) {
    super({ highWaterMark: PIECE_BYTES });
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    if (this.bytes >= PIECE_BYTES) this.handOn();
    else this.timer ??= setTimeout(() => this.handOn(), FLUSH_AFTER_MS);
    callback();
  }

  override _flush(callback: (error?: Error | null) => void): void {
    this.handOn();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    callback(error);
  }

  private handOn(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.bytes === 0 || this.destroyed) return;
    const piece = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.bytes);
    const bytes = this.bytes;
    this.chunks = [];
    this.bytes = 0;
    this.push(piece);
    this.handedOn(bytes);
  }
}
