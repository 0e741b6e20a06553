import http from 'node:http';
import https from 'node:https';
import { Client } from 'minio';
import { S3Config } from '../config/app-config';

/** Builds the minio client for an S3 configuration; tests swap in a variant for s3rver. */
export type MinioClientFactory = (s3: S3Config) => Client;

type RequestFunction = typeof http.request;

/**
 * minio sets no timeout on its requests, so a server that accepts the connection and then says nothing
 * would hold a health check, a status read or an upload forever. Every request here fails once it has
 * waited `timeoutMs` without a byte moving before the answer starts (a streamed answer is not timed: its
 * pace is the downloading client's).
 */
function timedTransport(base: { request: RequestFunction }, timeoutMs: number): { request: RequestFunction } {
  const request = (options: http.RequestOptions, callback?: (response: http.IncomingMessage) => void) => {
    const outgoing = base.request(options, (response) => {
      outgoing.setTimeout(0);
      callback?.(response);
    });
    outgoing.setTimeout(timeoutMs, () => {
      const error = new Error(`the storage server did not answer within ${timeoutMs} ms`);
      outgoing.destroy(Object.assign(error, { code: 'ETIMEDOUT' }));
    });
    return outgoing;
  };
  return { request: request as RequestFunction };
}

export const createMinioClient: MinioClientFactory = (s3) =>
  new Client({
    endPoint: s3.endPoint,
    port: s3.port,
    useSSL: s3.useSSL,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    region: s3.region,
    // Without an explicit part size minio sizes parts for a 5 TiB object of unknown length
    // (~528 MiB) and buffers a whole part in memory per upload.
    partSize: s3.partSizeBytes,
    transport: timedTransport(s3.useSSL ? https : http, s3.requestTimeoutMs),
  });
