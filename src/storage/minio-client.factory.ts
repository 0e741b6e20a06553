import { Client } from 'minio';
import { S3Config } from '../config/app-config';

/** Builds the minio client for an S3 configuration; tests swap in a variant for s3rver. */
export type MinioClientFactory = (s3: S3Config) => Client;

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
  });
