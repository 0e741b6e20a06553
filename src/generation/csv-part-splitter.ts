import { finished, Writable } from 'node:stream';
import { CsvRecordScanner } from './csv-record-scanner';

export type CsvDelimiter = ',' | '\t' | '|';

export interface CsvPartSplitterOptions {
  delimiter: CsvDelimiter;
  /** Data records per part; the header is repeated in every part and not counted. */
  rowLimit: number;
  /** Supplies the stream of part `partNumber` (1-based); called only once the previous part is ended. */
  openPart: (partNumber: number) => Writable;
}

type Callback = (error?: Error | null) => void;

const DELIMITERS: readonly string[] = [',', '\t', '|'];

/**
 * Takes `COPY ... TO STDOUT WITH (FORMAT csv, HEADER true)` bytes and writes them as one or more
 * parts of at most `rowLimit` data records each, in the reference system's CSV dialect (see
 * CsvRecordScanner). A part is only opened once a record for it exists, so exactly `rowLimit`
 * rows never leave an empty trailing part.
 */
export class CsvPartSplitter extends Writable {
  private readonly scanner: CsvRecordScanner;
  private readonly delimiter: number;
  private readonly rowLimit: number;
  private readonly openPart: (partNumber: number) => Writable;

  private current: Writable | undefined;
  private partCount = 0;
  private unfinishedParts = 0;
  private rowsInPart = 0;
  private rowCount = 0;
  private columnCount = 0;
  private bytesInCount = 0;
  private bytesOutCount = 0;
  /** Header output collected until its terminator; copied because slices point into input chunks. */
  private headerChunks: Buffer[] | undefined = [];
  private header = Buffer.alloc(0);
  /** Set when the current part is full; the rotation waits for a further record to show up. */
  private partFull = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private waitingWrite: Callback | undefined;
  private waitingFinal: Callback | undefined;
  private failure: Error | undefined;

  constructor(options: CsvPartSplitterOptions) {
    super({ decodeStrings: true });
    if (!DELIMITERS.includes(options.delimiter))
      throw new RangeError(`Unsupported delimiter ${JSON.stringify(options.delimiter)}`);
    if (!Number.isSafeInteger(options.rowLimit) || options.rowLimit < 1) {
      throw new RangeError(`rowLimit must be a positive integer, got ${options.rowLimit}`);
    }
    this.delimiter = options.delimiter.charCodeAt(0);
    this.rowLimit = options.rowLimit;
    this.openPart = options.openPart;
    this.scanner = new CsvRecordScanner(this.delimiter, {
      bytes: (chunk) => this.onBytes(chunk),
      recordEnd: () => this.onRecordEnd(),
    });
  }

  /** Data records seen so far (header excluded), across all parts; safe to poll while running. */
  get rows(): number {
    return this.rowCount;
  }

  /** Fields in the header record; 0 until the header is complete. */
  get columns(): number {
    return this.columnCount;
  }

  /** Parts opened so far. */
  get parts(): number {
    return this.partCount;
  }

  get bytesIn(): number {
    return this.bytesInCount;
  }

  /** True while a write waits for the current part to drain, or the end for the parts to finish. */
  get waitingForOutput(): boolean {
    return this.waitingWrite !== undefined || this.waitingFinal !== undefined;
  }

  /** Bytes handed to part streams, headers included. */
  get bytesOut(): number {
    return this.bytesOutCount;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: Callback): void {
    if (this.failure) return callback(this.failure);
    this.bytesInCount += chunk.length;
    if (chunk.length === 0) return callback();
    let part: Writable;
    try {
      part = this.current ?? this.openNext();
      this.scanner.write(chunk);
      part = this.flush();
    } catch (error) {
      return callback(asError(error));
    }
    if (!part.writableNeedDrain) return callback();
    this.waitingWrite = callback;
    part.once('drain', () => this.resume());
  }

  override _final(callback: Callback): void {
    try {
      this.scanner.end();
      if (!this.current) this.openNext();
      this.flush().end();
    } catch (error) {
      return callback(asError(error));
    }
    this.waitingFinal = callback;
    this.settleFinal();
  }

  override _destroy(error: Error | null, callback: Callback): void {
    // Without this a consumer of the open part (e.g. a zip entry) would wait forever for its end.
    if (error && this.current && !this.current.destroyed) this.current.destroy(error);
    callback(error);
  }

  private onBytes(chunk: Buffer): void {
    if (this.partFull) this.startNextPart();
    if (this.headerChunks) this.headerChunks.push(Buffer.from(chunk));
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
  }

  private onRecordEnd(): void {
    if (this.headerChunks) {
      this.header = Buffer.concat(this.headerChunks);
      this.headerChunks = undefined;
      this.columnCount = CsvRecordScanner.countFields(this.header.subarray(0, -2), this.delimiter);
      return;
    }
    this.rowCount++;
    if (++this.rowsInPart === this.rowLimit) this.partFull = true;
  }

  private startNextPart(): void {
    this.partFull = false;
    this.flush().end();
    this.openNext();
    this.rowsInPart = 0;
    this.pending.push(this.header);
    this.pendingBytes += this.header.length;
  }

  private openNext(): Writable {
    const partNumber = this.partCount + 1;
    const part = this.openPart(partNumber);
    this.partCount = partNumber;
    this.current = part;
    this.unfinishedParts++;
    // readable: false, as a PassThrough part would otherwise also wait for its reader to finish.
    finished(part, { readable: false }, (error) => {
      this.unfinishedParts--;
      if (error) this.fail(error);
      else this.settleFinal();
    });
    return part;
  }

  /** Writes everything pending to the current part in one buffer and returns that part. */
  private flush(): Writable {
    const part = this.current;
    if (!part) throw new Error('CsvPartSplitter: no open part');
    if (this.pendingBytes > 0) {
      const out =
        this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.pendingBytes = 0;
      this.bytesOutCount += out.length;
      part.write(out);
    }
    return part;
  }

  private resume(): void {
    const callback = this.waitingWrite;
    this.waitingWrite = undefined;
    callback?.();
  }

  private settleFinal(): void {
    if (!this.waitingFinal || this.unfinishedParts > 0 || this.failure) return;
    const callback = this.waitingFinal;
    this.waitingFinal = undefined;
    callback();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const callback = this.waitingFinal ?? this.waitingWrite;
    this.waitingFinal = this.waitingWrite = undefined;
    if (callback) callback(error);
    else this.destroy(error);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
