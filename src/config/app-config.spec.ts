import { AppConfig } from './app-config';
import { ConfigError } from './env-readers.util';

describe('AppConfig', () => {
  it('has working defaults with no environment at all', () => {
    const config = AppConfig.fromEnv({});
    expect(config.port).toBe(8000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.storage).toBe('local');
    expect(config.runWorkerInApi).toBe(true);
    expect(config.rowsPerFilePart).toBe(1_000_000);
    expect(config.apiBaseUrl).toBe('http://localhost:8000');
    expect(config.filesBaseUrl).toBe('http://localhost:8000/csv_downloads');
    expect(config).toMatchObject({
      downloadAttempts: 3,
      retryDelayMs: 10_000,
      recoverySweepIntervalMs: 10_000,
      generationStallTimeoutMs: 120_000,
      shutdownGraceMs: 25_000,
      databaseConnectTimeoutMs: 5_000,
    });
  });

  it('switches to S3 when an endpoint is given', () => {
    const config = AppConfig.fromEnv({
      S3_ENDPOINT: 'http://minio:9000/',
      S3_ACCESS_KEY: 'key',
      S3_SECRET_KEY: 'secret',
      S3_BUCKET: 'downloads',
    });
    expect(config.storage).toBe('s3');
    expect(config.s3).toMatchObject({ endPoint: 'minio', port: 9000, useSSL: false, bucket: 'downloads' });
    expect(config.s3!.partSizeBytes).toBe(8 * 1024 * 1024);
    expect(config.filesBaseUrl).toBe('http://minio:9000/downloads');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ RUN_WORKER_IN_API: 'maybe' }, 'RUN_WORKER_IN_API'],
    [{ STORAGE_DRIVER: 'ftp' }, 'STORAGE_DRIVER'],
    [{ STORAGE_DRIVER: 's3' }, 'S3_ENDPOINT'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'S3_ACCESS_KEY'],
    [
      { S3_ENDPOINT: 'http://m:9000', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b', S3_PART_SIZE_MB: '1' },
      'S3_PART_SIZE_MB',
    ],
    [{ ROWS_PER_FILE_PART: '0' }, 'ROWS_PER_FILE_PART'],
    [{ DOWNLOAD_ATTEMPTS: '0' }, 'DOWNLOAD_ATTEMPTS'],
    [{ GENERATION_STALL_TIMEOUT_MS: '10' }, 'GENERATION_STALL_TIMEOUT_MS'],
    [{ SHUTDOWN_GRACE_MS: '-1' }, 'SHUTDOWN_GRACE_MS'],
    [
      { S3_ENDPOINT: 'http://m:9000', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b', S3_REQUEST_TIMEOUT_MS: 'x' },
      'S3_REQUEST_TIMEOUT_MS',
    ],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => AppConfig.fromEnv(env)).toThrow(ConfigError);
    expect(() => AppConfig.fromEnv(env)).toThrow(name);
  });
});
