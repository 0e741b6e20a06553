import archiver, { Archiver } from 'archiver';
import { PassThrough, Readable } from 'node:stream';

/**
 * A zip produced as a stream: entries are appended as streams and written one after another, so
 * only the entry being compressed is in memory. Failing it destroys the output with the error, so
 * a storage driver never commits a truncated archive.
 */
export class ZipStreamBuilder {
  private readonly archive: Archiver;

  constructor(compressionLevel: number) {
    this.archive = archiver('zip', { zlib: { level: compressionLevel }, forceZip64: false });
    this.archive.on('warning', (error) => this.archive.destroy(error));
    // The storage driver may attach its reader after a failure; the error reaches the caller through save().
    this.archive.on('error', () => undefined);
  }

  get output(): Readable {
    return this.archive;
  }

  /** Bytes of zip produced so far; it stops growing while storage does not read. */
  get bytesOut(): number {
    return this.archive.pointer();
  }

  /** Opens an entry; the caller writes the content into the returned stream and ends it. */
  openEntry(name: string): PassThrough {
    const entry = new PassThrough({ highWaterMark: 1024 * 1024 });
    this.archive.append(entry, { name, date: new Date() });
    return entry;
  }

  addEmptyEntry(name: string): void {
    this.addEntry(name, Buffer.alloc(0));
  }

  /** A small entry held in memory (readme, data dictionary). */
  addEntry(name: string, content: Buffer): void {
    this.archive.append(content, { name, date: new Date() });
  }

  finalize(): Promise<void> {
    return this.archive.finalize();
  }

  fail(error: Error): void {
    this.archive.destroy(error);
  }
}
