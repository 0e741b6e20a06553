import { createHash, Hash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

/**
 * Passes bytes through unchanged while hashing them, so a file's SHA-256 is known the moment its last
 * byte has gone to storage, without reading the stored file a second time.
 */
export class Sha256Tap extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private hex: string | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.hex = this.hash.digest('hex');
    callback();
  }

  /** The lowercase hex digest; only once every byte has passed (the stream has flushed). */
  get digest(): string {
    if (this.hex === undefined) throw new Error('The SHA-256 is known only once the stream has ended');
    return this.hex;
  }
}
