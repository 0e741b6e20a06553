import { Readable } from 'node:stream';

/** Injection token of the active StorageDriver (local directory or S3/MinIO). */
export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');

export interface StoredObject {
  size: number;
}

/**
 * Metadata known only once the body has ended (the SHA-256 of the bytes); a driver that can attach
 * metadata to objects (S3) does so before `save` resolves.
 */
export type FinalMetadata = () => Record<string, string>;

export interface ByteRange {
  start: number;
  end: number; // inclusive, as in HTTP Range
}

/**
 * Where finished zips live. Every write is all-or-nothing: an object becomes visible under its
 * name only once `save` resolves, so the status route can never point at a half-written file.
 */
export interface StorageDriver {
  readonly kind: 'local' | 's3';
  /** Streams `body` into the object `name`; resolves with its final size once it is complete and visible. */
  save(name: string, body: Readable, metadata?: FinalMetadata): Promise<StoredObject>;
  /** Size of a complete object, or null when there is none under that name. */
  stat(name: string): Promise<StoredObject | null>;
  /** Reads a complete object, whole or one byte range of it. */
  read(name: string, range?: ByteRange): Promise<Readable>;
  remove(name: string): Promise<void>;
  /** The URL clients download the object from (`file_url`). */
  publicUrl(name: string): string;
  /** Throws when the store cannot be reached or written (health check). */
  check(): Promise<void>;
  /**
   * Removes what failed or killed writers left behind (temporary files, unfinished multipart uploads)
   * older than `olderThanMs`, except for objects `inUse` says are being written right now. Resolves with
   * how many it removed.
   */
  removeAbandoned(olderThanMs: number, inUse: (name: string) => Promise<boolean>): Promise<number>;
}
