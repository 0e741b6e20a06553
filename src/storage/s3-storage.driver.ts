import { Readable } from 'node:stream';
import { Client } from 'minio';
import { S3Config } from '../config/app-config';
import { errorCode } from '../common/outage.util';
import { createMinioClient, MinioClientFactory } from './minio-client.factory';
import { isSafeObjectName, objectUrlPath } from './object-name.util';
import { uploadObject } from './s3-upload.util';
import { isStorageOutage, StorageUnavailableError } from './storage-failure.util';
import { ByteRange, FinalMetadata, StorageDriver, StoredObject } from './storage.driver';

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

  async save(name: string, body: Readable, metadata?: FinalMetadata): Promise<StoredObject> {
    assertSafeName(name);
    try {
      await this.ensureBucket();
      await uploadObject(
        {
          client: this.client,
          bucket: this.s3.bucket,
          name,
          partSize: this.s3.partSizeBytes,
          contentType: name.toLowerCase().endsWith('.zip') ? 'application/zip' : 'application/octet-stream',
          metadata,
        },
        body,
      );
    } catch (error) {
      body.destroy(error instanceof Error ? error : new Error(String(error)));
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
    try {
      await this.ensureBucket();
      const { size } = await this.client.statObject(this.s3.bucket, name);
      return { size };
    } catch (error) {
      if (MISSING_OBJECT_CODES.has(errorCode(error) ?? '')) return null;
      throw outage(error);
    }
  }

  async read(name: string, range?: ByteRange): Promise<Readable> {
    try {
      await this.ensureBucket();
      if (!range) return await this.client.getObject(this.s3.bucket, name);
      return await this.client.getPartialObject(
        this.s3.bucket,
        name,
        range.start,
        range.end - range.start + 1,
      );
    } catch (error) {
      throw outage(error);
    }
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
    try {
      await this.createBucketIfMissing();
    } catch (error) {
      throw new StorageUnavailableError(error);
    }
  }

  /**
   * Aborts unfinished multipart uploads whose writer is gone. Their start time alone cannot tell: a large
   * download uploads for an hour, so `inUse` (a running job writing that name) decides.
   */
  async removeAbandoned(olderThanMs: number, inUse: (name: string) => Promise<boolean>): Promise<number> {
    await this.ensureBucket();
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    let keyMarker = '';
    let uploadIdMarker = '';
    for (;;) {
      const page = await this.client.listIncompleteUploadsQuery(
        this.s3.bucket,
        '',
        keyMarker,
        uploadIdMarker,
        '',
      );
      for (const upload of page.uploads) {
        if (upload.initiated.getTime() > cutoff || (await inUse(upload.key))) continue;
        await this.client.abortMultipartUpload(this.s3.bucket, upload.key, upload.uploadId);
        removed += 1;
      }
      if (!page.isTruncated) return removed;
      keyMarker = page.nextKeyMarker;
      uploadIdMarker = page.nextUploadIdMarker;
    }
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

function outage(error: unknown): unknown {
  return isStorageOutage(error) ? new StorageUnavailableError(error) : error;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
