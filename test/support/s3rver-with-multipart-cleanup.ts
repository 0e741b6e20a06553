import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import S3rver from 's3rver';

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  status: number;
  body: unknown;
  type: string;
}
type Middleware = (context: KoaContext, next: () => Promise<void>) => Promise<void>;

/** Where s3rver keeps the parts of unfinished multipart uploads of a bucket. */
export function uploadsDirectory(root: string, bucket: string): string {
  return join(root, bucket, '._S3rver_uploads');
}

/** Upload ids s3rver still holds parts for in `bucket`. */
export async function unfinishedUploads(root: string, bucket: string): Promise<string[]> {
  return readdir(uploadsDirectory(root, bucket)).catch(() => []);
}

/**
 * s3rver without two calls real S3 and MinIO have and the storage driver relies on to leave nothing behind:
 * AbortMultipartUpload (`DELETE /bucket/key?uploadId=`) and ListMultipartUploads (`GET /bucket?uploads`).
 * They are answered here from s3rver's own upload folders, so tests can check that no parts stay behind.
 */
export function s3rverWithMultipartCleanup(
  options: ConstructorParameters<typeof S3rver>[0] & { directory: string },
): S3rver {
  const server = new S3rver(options);
  const root = options.directory;
  const middleware: Middleware = async (context, next) => {
    const [, bucket, ...keyParts] = context.path.split('/');
    const uploadId = context.query.uploadId;
    if (context.method === 'DELETE' && uploadId && keyParts.length > 0) {
      await rm(join(uploadsDirectory(root, bucket), uploadId), { recursive: true, force: true });
      context.status = 204;
      context.body = '';
      return;
    }
    if (context.method === 'GET' && keyParts.length === 0 && 'uploads' in context.query) {
      const entries: string[] = [];
      for (const id of await unfinishedUploads(root, bucket)) {
        const folder = join(uploadsDirectory(root, bucket), id);
        const [key, info] = await Promise.all([readFile(join(folder, 'key'), 'utf8'), stat(folder)]);
        entries.push(
          `<Upload><Key>${key}</Key><UploadId>${id}</UploadId><Initiated>${info.mtime.toISOString()}</Initiated></Upload>`,
        );
      }
      context.type = 'application/xml';
      context.body = `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>${bucket}</Bucket><IsTruncated>false</IsTruncated>${entries.join('')}</ListMultipartUploadsResult>`;
      return;
    }
    await next();
  };
  // Koa composes its middleware when it starts listening, so this runs ahead of s3rver's router.
  (server as unknown as { middleware: Middleware[] }).middleware.unshift(middleware);
  return server;
}

/** Stops the server the way a crash does: open connections (minio keeps some alive) are cut too. */
export async function killS3rver(server: S3rver): Promise<void> {
  const http = (server as unknown as { httpServer?: import('node:http').Server }).httpServer;
  const closing = server.close();
  http?.closeAllConnections();
  await closing;
}
