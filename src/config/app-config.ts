import { resolve } from 'node:path';
import { DEFAULT_BULK_MAX_DAYS } from '../bulk-download/request/bulk-date-range.util';
import {
  DEFAULT_DOWNLOAD_ATTEMPTS,
  DEFAULT_LOCK_DURATION_MS,
  DEFAULT_STALLED_INTERVAL_MS,
} from '../queue/download-queue.constants';
import {
  ConfigError,
  readBool,
  readEnum,
  readInt,
  readOptionalString,
  readString,
  readUrl,
} from './env-readers.util';
import { ExtrasConfig, readExtrasConfig } from './extras-config';

export type StorageKind = 'local' | 's3';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** `auto`: readable lines on a terminal, JSON lines otherwise (log collectors want JSON). */
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface S3Config {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  region: string;
  bucket: string;
  partSizeBytes: number;
  publicBaseUrl: string;
  /** A request to the S3 server that has not answered in this long fails (the server counts as down). */
  requestTimeoutMs: number;
}

/** Every setting of the service, read and validated once at boot (see .env.example for the defaults). */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  /** Base of `status_url`; the reference's local mode uses http://localhost:8000. */
  readonly apiBaseUrl: string;
  /** Absent in zero-configuration mode: an embedded PostgreSQL is started instead. */
  readonly databaseUrl: string | undefined;
  readonly embeddedPostgresDir: string;
  readonly embeddedPostgresPort: number;
  readonly runMigrations: boolean;
  /** Load the small demonstration dataset when the database holds no awards (zero-configuration default). */
  readonly seedIfEmpty: boolean;
  /** Absent in zero-configuration mode: jobs then run in-process without Bull. */
  readonly redisUrl: string | undefined;
  /** Namespace of the Bull keys in Redis; deployments sharing one Redis use different prefixes. */
  readonly queuePrefix: string;
  readonly queueLockDurationMs: number;
  readonly queueStalledIntervalMs: number;
  /** Attempts a download gets before it fails for good (an attempt released at shutdown does not count). */
  readonly downloadAttempts: number;
  /** First retry delay; each further retry waits twice as long. */
  readonly retryDelayMs: number;
  /** How often unfinished jobs the queue has lost are looked for (and re-queued). */
  readonly recoverySweepIntervalMs: number;
  /** Nothing moved through a running download (rows, zip bytes, storage) for this long: the attempt fails. */
  readonly generationStallTimeoutMs: number;
  /** On SIGTERM: how long running downloads and HTTP requests may take before they are released / cut. */
  readonly shutdownGraceMs: number;
  /** Connecting to PostgreSQL takes longer than this: the database counts as unavailable. */
  readonly databaseConnectTimeoutMs: number;
  readonly runWorkerInApi: boolean;
  /** Answer an identical request with the earlier job's file until data changes (the reference's cache). */
  readonly downloadCacheEnabled: boolean;
  /** Host of the `usaspending_permalink` column. */
  readonly permalinkHost: string;
  /** Longest `date_range` of a custom bulk download, in days (the reference's 366). */
  readonly bulkDateRangeMaxDays: number;
  readonly workerConcurrency: number;
  /** Slots per worker process reserved for downloads expected to be small (the fast lane). */
  readonly fastLaneConcurrency: number;
  /** Downloads the planner expects to have fewer rows than this go to the fast lane; 0 turns it off. */
  readonly fastLaneMaxRows: number;
  /** COPYs one download may run at the same time on separate connections (its files, or parts of one). */
  readonly copyParallelism: number;
  readonly rowsPerFilePart: number;
  /**
   * zlib level of the zip's entries. 3, not zlib's 6: on this data's CSV it takes less than half the CPU for a
   * zip about a fifth larger, and deflate is the largest share of a worker's CPU (README, Benchmark).
   */
  readonly zipCompressionLevel: number;
  readonly storage: StorageKind;
  readonly localStorageDir: string;
  readonly filesBaseUrl: string;
  readonly s3: S3Config | undefined;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly bodyLimitBytes: number;
  /** Browser origins allowed to call the API ('*' for any, as the public reference API allows). */
  readonly corsOrigins: string[] | '*';
  /** Beyond the reference: retention of requested files, completion callbacks. */
  readonly extras: ExtrasConfig;

  constructor(env: Record<string, string | undefined> = process.env) {
    this.port = readInt(env, 'PORT', 8000, 1, 65535);
    this.host = readString(env, 'HOST', '0.0.0.0');
    this.apiBaseUrl = readUrl(env, 'API_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${this.port}`;
    this.databaseUrl = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
    this.embeddedPostgresDir = resolve(readString(env, 'EMBEDDED_POSTGRES_DIR', '.data/postgres'));
    this.embeddedPostgresPort = readInt(env, 'EMBEDDED_POSTGRES_PORT', 54329, 1, 65535);
    this.runMigrations = readBool(env, 'DATABASE_MIGRATIONS_RUN', true);
    this.seedIfEmpty = readBool(env, 'SEED_IF_EMPTY', this.databaseUrl === undefined);
    this.redisUrl = readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
    this.queuePrefix = readString(env, 'QUEUE_PREFIX', 'usaspending-download');
    this.queueLockDurationMs = readInt(
      env,
      'QUEUE_LOCK_DURATION_MS',
      DEFAULT_LOCK_DURATION_MS,
      1_000,
      3_600_000,
    );
    this.queueStalledIntervalMs = readInt(
      env,
      'QUEUE_STALLED_INTERVAL_MS',
      DEFAULT_STALLED_INTERVAL_MS,
      500,
      3_600_000,
    );
    this.downloadAttempts = readInt(env, 'DOWNLOAD_ATTEMPTS', DEFAULT_DOWNLOAD_ATTEMPTS, 1, 10);
    this.retryDelayMs = readInt(env, 'RETRY_DELAY_MS', 10_000, 100, 3_600_000);
    this.recoverySweepIntervalMs = readInt(env, 'RECOVERY_SWEEP_INTERVAL_MS', 10_000, 500, 3_600_000);
    this.generationStallTimeoutMs = readInt(env, 'GENERATION_STALL_TIMEOUT_MS', 120_000, 500, 86_400_000);
    this.shutdownGraceMs = readInt(env, 'SHUTDOWN_GRACE_MS', 25_000, 0, 3_600_000);
    this.databaseConnectTimeoutMs = readInt(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5_000, 100, 600_000);
    this.runWorkerInApi = readBool(env, 'RUN_WORKER_IN_API', true);
    this.downloadCacheEnabled = readBool(env, 'DOWNLOAD_CACHE_ENABLED', true);
    this.permalinkHost = readString(env, 'PERMALINK_HOST', 'www.usaspending.gov');
    this.bulkDateRangeMaxDays = readInt(env, 'BULK_DATE_RANGE_MAX_DAYS', DEFAULT_BULK_MAX_DAYS, 1, 1_000_000);
    this.workerConcurrency = readInt(env, 'WORKER_CONCURRENCY', 2, 1, 64);
    this.fastLaneConcurrency = readInt(env, 'FAST_LANE_CONCURRENCY', 1, 1, 64);
    this.fastLaneMaxRows = readInt(env, 'FAST_LANE_MAX_ROWS', 10_000, 0, 100_000_000);
    this.copyParallelism = readInt(env, 'COPY_PARALLELISM', 3, 1, 16);
    this.rowsPerFilePart = readInt(env, 'ROWS_PER_FILE_PART', 1_000_000, 1, 100_000_000);
    this.zipCompressionLevel = readInt(env, 'ZIP_COMPRESSION_LEVEL', 3, 0, 9);
    this.logLevel = readEnum(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
    );
    this.logFormat = readEnum(env, 'LOG_FORMAT', ['auto', 'json', 'pretty'], 'auto');
    this.bodyLimitBytes = readInt(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600);
    const origins = readString(env, 'CORS_ORIGINS', '*');
    this.corsOrigins =
      origins === '*'
        ? '*'
        : origins
            .split(',')
            .map((origin) => origin.trim())
            .filter(Boolean);

    const s3Endpoint = readUrl(env, 'S3_ENDPOINT', ['http:', 'https:']);
    this.storage = readEnum(env, 'STORAGE_DRIVER', ['local', 's3'], s3Endpoint ? 's3' : 'local');
    this.localStorageDir = resolve(readString(env, 'LOCAL_STORAGE_DIR', 'csv_downloads'));
    this.s3 = this.storage === 's3' ? readS3(env, s3Endpoint) : undefined;
    const defaultFilesBase = this.s3 ? this.s3.publicBaseUrl : `${this.apiBaseUrl}/csv_downloads`;
    this.filesBaseUrl = readUrl(env, 'FILES_BASE_URL', ['http:', 'https:']) ?? defaultFilesBase;
    this.extras = readExtrasConfig(env);
  }

  /** Reads the configuration or throws one ConfigError naming the offending variable. */
  static fromEnv(env: Record<string, string | undefined> = process.env): AppConfig {
    try {
      return new AppConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) throw new ConfigError(`Invalid configuration: ${error.message}`);
      throw error;
    }
  }
}

function readS3(env: Record<string, string | undefined>, endpoint: string | undefined): S3Config {
  if (!endpoint) throw new ConfigError('S3_ENDPOINT is required when STORAGE_DRIVER is s3');
  const url = new URL(endpoint);
  const useSSL = url.protocol === 'https:';
  const bucket = readString(env, 'S3_BUCKET', 'bulk-downloads');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(`S3_BUCKET must be a valid bucket name (got "${bucket}")`);
  }
  const accessKey = readOptionalString(env, 'S3_ACCESS_KEY');
  const secretKey = readOptionalString(env, 'S3_SECRET_KEY');
  if (!accessKey || !secretKey)
    throw new ConfigError('S3_ACCESS_KEY and S3_SECRET_KEY are required for S3 storage');
  return {
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey,
    secretKey,
    region: readString(env, 'S3_REGION', 'us-east-1'),
    bucket,
    // minio buffers one part in memory per upload, so the part size bounds the worker's memory.
    partSizeBytes: readInt(env, 'S3_PART_SIZE_MB', 8, 5, 64) * 1024 * 1024,
    publicBaseUrl: readUrl(env, 'S3_PUBLIC_BASE_URL', ['http:', 'https:']) ?? `${endpoint}/${bucket}`,
    requestTimeoutMs: readInt(env, 'S3_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
  };
}
