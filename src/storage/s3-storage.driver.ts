import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'minio';
import { S3Config } from '../config/app-config';
import { createMinioClient, MinioClientFactory } from './minio-client.factory';
import { isSafeObjectName, objectUrlPath } from './object-name.util';
import { ByteRange, StorageDriver, StoredObject } from './storage.driver';

const MISSING_OBJECT_CODES = new Set(['NotFound', 'NoSuchKey']);
const BUCKET_TAKEN_CODES = new Set(['BucketAlreadyOwnedByYou', 'BucketAlreadyExists']);

/** Stores objects in one S3-compatible bucket (MinIO, AWS S3, …) through the minio client. */
export class S3StorageDriver implements StorageDriver {
  readonly kind = 's3';
  private readonly client: Client;
  private bucketReady: Promise<void> | undefined;

  constructor(
    private readonly s3: S3Config,
    private readonly filesBaseUrl: string,
    createClient: MinioClientFactory = createMinioClient,
  ) {
    this.client = createClient(s3);
  }

  async save(name: string, body: Readable): Promise<StoredObject> {
    assertSafeName(name);
    await this.ensureBucket();
    // minio pipes the body into its part chunker without listening for the body's errors, so a
    // failing body would leave putObject pending forever. Feeding it through our own pipeline
    // lets us notice the failure; minio only completes the multipart upload after the feed ends,
    // and a destroyed feed never ends, so a failed body can never become a visible object.
    const feed = new PassThrough();
    const feeding = pipeline(body, feed);
    try {
      // Unknown length: minio streams a multipart upload, one buffered part at a time.
      await Promise.all([feeding, this.client.putObject(this.s3.bucket, name, feed)]);
    } catch (error) {
      feed.destroy(); // stops the producer too when it was the upload that failed
      await this.client.removeIncompleteUpload(this.s3.bucket, name).catch(() => undefined);
      throw new Error(`Could not store "${name}" in bucket "${this.s3.bucket}": ${describe(error)}`, {
        cause: error,
      });
    }
    const stored = await this.stat(name);
    if (!stored)
      throw new Error(`"${name}" is missing from bucket "${this.s3.bucket}" right after its upload`);
    return stored;
  }

  async stat(name: string): Promise<StoredObject | null> {
    await this.ensureBucket();
    try {
      const { size } = await this.client.statObject(this.s3.bucket, name);
      return { size };
    } catch (error) {
      if (MISSING_OBJECT_CODES.has(errorCode(error) ?? '')) return null;
      throw error;
    }
  }

  async read(name: string, range?: ByteRange): Promise<Readable> {
    await this.ensureBucket();
    if (!range) return this.client.getObject(this.s3.bucket, name);
    return this.client.getPartialObject(this.s3.bucket, name, range.start, range.end - range.start + 1);
  }

  async remove(name: string): Promise<void> {
    await this.ensureBucket();
    await this.client.removeObject(this.s3.bucket, name); // S3 treats deleting a missing key as success
  }

  publicUrl(name: string): string {
    return `${this.filesBaseUrl}/${objectUrlPath(name)}`;
  }

  async check(): Promise<void> {
    // Always asks the server: a health check must not be answered from the memoized result.
    await this.createBucketIfMissing();
  }

  /** Creates the bucket once per process before first use; a failure is retried on the next call. */
  private ensureBucket(): Promise<void> {
    this.bucketReady ??= this.createBucketIfMissing().catch((error: unknown) => {
      this.bucketReady = undefined;
      throw error;
    });
    return this.bucketReady;
  }

  private async createBucketIfMissing(): Promise<void> {
    if (await this.client.bucketExists(this.s3.bucket)) return;
    try {
      await this.client.makeBucket(this.s3.bucket, this.s3.region);
    } catch (error) {
      // Another API or worker process may have created it between our two requests.
      if (BUCKET_TAKEN_CODES.has(errorCode(error) ?? '') && (await this.client.bucketExists(this.s3.bucket)))
        return;
      throw error;
    }
  }
}

function assertSafeName(name: string): void {
  if (!isSafeObjectName(name)) throw new Error(`Invalid storage object name: ${JSON.stringify(name)}`);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
