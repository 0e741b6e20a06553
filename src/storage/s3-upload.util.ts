import { Readable } from 'node:stream';
import { CopyDestinationOptions, CopySourceOptions, type Client } from 'minio';
import type { FinalMetadata } from './storage.driver';

interface UploadTarget {
  client: Client;
  bucket: string;
  name: string;
  partSize: number;
  contentType: string;
  /** User metadata known once the body has ended (`x-amz-meta-*`). */
  metadata?: FinalMetadata;
}

/**
 * Streams `body` into one object, holding at most one part in memory. A body that fits in one part is a
 * single PUT; a longer one a multipart upload that is completed only after the body ended, and aborted
 * by its own id on any failure, so a failed write leaves neither an object nor parts behind. (minio's own
 * putObject first lists the bucket's unfinished uploads to resume one, and on failure can only abort
 * "the latest upload of this name", which may be another writer's.)
 */
export async function uploadObject(
  { client, bucket, name, partSize, contentType, metadata }: UploadTarget,
  body: Readable,
): Promise<void> {
  let uploadId: string | undefined;
  const etags: { part: number; etag: string }[] = [];
  let chunks: Buffer[] = [];
  let buffered = 0;
  const uploadPart = async (part: Buffer): Promise<void> => {
    uploadId ??= await client.initiateNewMultipartUpload(bucket, name, { 'Content-Type': contentType });
    const partNumber = etags.length + 1;
    const { etag } = await client.uploadPart(
      {
        bucketName: bucket,
        objectName: name,
        uploadID: uploadId,
        partNumber,
        headers: { 'Content-Length': part.length },
      },
      part,
    );
    etags.push({ part: partNumber, etag });
  };
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      buffered += chunk.length;
      if (buffered < partSize) continue;
      const all = Buffer.concat(chunks, buffered);
      for (let offset = 0; ; offset += partSize) {
        if (all.length - offset < partSize) {
          chunks = offset < all.length ? [all.subarray(offset)] : [];
          buffered = all.length - offset;
          break;
        }
        await uploadPart(all.subarray(offset, offset + partSize));
      }
    }
    const last = Buffer.concat(chunks, buffered);
    const userMetadata = metadata?.() ?? {};
    if (uploadId === undefined) {
      // minio sends keys that are not standard headers as `x-amz-meta-<key>`.
      await client.putObject(bucket, name, last, last.length, {
        'Content-Type': contentType,
        ...userMetadata,
      });
      return;
    }
    if (last.length > 0) await uploadPart(last);
    await client.completeMultipartUpload(bucket, name, uploadId, etags);
    if (Object.keys(userMetadata).length > 0)
      await replaceMetadata(client, bucket, name, contentType, userMetadata);
  } catch (error) {
    body.destroy(error instanceof Error ? error : new Error(String(error)));
    if (uploadId !== undefined)
      await client.abortMultipartUpload(bucket, name, uploadId).catch(() => undefined);
    throw error;
  }
}

/**
 * A multipart upload fixes its metadata when it starts, before the last byte (and so the digest) is known:
 * the finished object is copied onto itself with the metadata replaced. The copy runs inside the S3 server;
 * this process does not read the object again.
 */
async function replaceMetadata(
  client: Client,
  bucket: string,
  name: string,
  contentType: string,
  userMetadata: Record<string, string>,
): Promise<void> {
  await client.copyObject(
    new CopySourceOptions({ Bucket: bucket, Object: name }),
    new CopyDestinationOptions({
      Bucket: bucket,
      Object: name,
      MetadataDirective: 'REPLACE',
      UserMetadata: userMetadata,
      Headers: { 'Content-Type': contentType },
    }),
  );
}
