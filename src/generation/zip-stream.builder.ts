import archiver, { Archiver } from 'archiver';
import { PassThrough, Readable } from 'node:stream';
import { NativeCrcDeflate } from './native-crc-deflate';

/** The parts of zip-stream's engine (compress-commons' ZipArchiveOutputStream) the CRC swap touches. */
interface ZipEngine {
  options: { zlib: object };
  _smartStream(
    entry: ZipEntry,
    callback: (error: Error | null, entry: ZipEntry) => void,
  ): NodeJS.WritableStream;
  _afterAppend(entry: ZipEntry): void;
  write(chunk: Buffer): boolean;
}

interface ZipEntry {
  getMethod(): number;
  setCrc(crc: number): void;
  setSize(size: number): void;
  setCompressedSize(size: number): void;
}

const METHOD_DEFLATED = 8;

/**
 * A zip produced as a stream: entries are appended as streams and written one after another, so
 * only the entry being compressed is in memory. Failing it destroys the output with the error, so
 * a storage driver never commits a truncated archive.
 */
export class ZipStreamBuilder {
  private readonly archive: Archiver;

  constructor(compressionLevel: number) {
    this.archive = archiver('zip', { zlib: { level: compressionLevel }, forceZip64: false });
    useNativeCrc((this.archive as unknown as { _module: { engine: ZipEngine } })._module.engine);
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

/**
 * Makes the engine compress entries through NativeCrcDeflate: its own deflate stream takes the CRC-32 in
 * JavaScript, at about three times the CPU of zlib's native one. The rest is the engine's _smartStream as it is
 * (compress-commons 6): the entry's CRC and sizes are set when the stream ends, and its output goes into the
 * zip without ending it. Stored (empty) entries keep the engine's own path.
 */
function useNativeCrc(engine: ZipEngine): void {
  const own = engine._smartStream.bind(engine);
  engine._smartStream = function (entry, callback) {
    if (entry.getMethod() !== METHOD_DEFLATED) return own(entry, callback);
    const deflate = new NativeCrcDeflate(this.options.zlib);
    let failure: Error | null = null;
    deflate.once('end', () => {
      entry.setCrc(deflate.checksum());
      entry.setSize(deflate.size());
      entry.setCompressedSize(deflate.size(true));
      this._afterAppend(entry);
      callback(failure, entry);
    });
    deflate.once('error', (error: Error) => (failure = error));
    deflate.pipe(this as unknown as NodeJS.WritableStream, { end: false });
    return deflate;
  };
}
