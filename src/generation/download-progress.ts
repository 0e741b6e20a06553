import type { CopyStream } from './copy-stream.repository';
import type { CsvPartSplitter } from './csv-part-splitter';
import type { ZipStreamBuilder } from './zip-stream.builder';

/** Rows and columns written so far, and what the running attempt is waiting on (for the stall watchdog). */
export class DownloadProgress {
  zip: ZipStreamBuilder | undefined;
  columns = 0;
  private finishedRows = 0;
  private finishedBytes = 0;
  private copy: CopyStream | undefined;
  private splitter: CsvPartSplitter | undefined;

  get rows(): number {
    return this.finishedRows + (this.splitter?.rows ?? 0);
  }

  /** Grows whenever bytes arrive from PostgreSQL or leave the zip towards storage. */
  get activity(): number {
    return this.finishedBytes + (this.splitter?.bytesIn ?? 0) + (this.zip?.bytesOut ?? 0);
  }

  /** The open COPY when the attempt is waiting for its rows (not for the zip or storage to take them). */
  get waitingForDatabase(): CopyStream | undefined {
    return this.splitter && !this.splitter.waitingForOutput ? this.copy : undefined;
  }

  start(copy: CopyStream, splitter: CsvPartSplitter): void {
    this.copy = copy;
    this.splitter = splitter;
  }

  complete(): void {
    if (!this.splitter) return;
    this.finishedRows += this.splitter.rows;
    this.finishedBytes += this.splitter.bytesIn;
    this.columns += this.splitter.columns;
    this.splitter = undefined;
    this.copy = undefined;
  }
}
