import { ConfigError, readInt, readOptionalString, readString } from './env-readers.util';

/**
 * Settings of what this service offers beyond the reference: retention of requested files and completion
 * callbacks. Read with the rest of AppConfig, so a bad value stops the start naming the variable.
 */
export interface ExtrasConfig {
  /** A requested download's file is deleted this long after it finished (archives are exempt). */
  readonly retentionHours: number;
  /** How often expired files are looked for and deleted. */
  readonly retentionSweepIntervalMs: number;
  /** Hosts (lowercase, optionally `host:port`) a `callback_url` may point at; empty: callbacks are off. */
  readonly callbackAllowedHosts: readonly string[];
  /** Key of the HMAC-SHA256 signature sent with each callback; callbacks are off without it. */
  readonly callbackSecret: string | undefined;
  /** Deliveries tried per callback before it is given up. */
  readonly callbackAttempts: number;
  /** First delay between deliveries; each further one waits twice as long. */
  readonly callbackRetryDelayMs: number;
  /** A callback receiver that has not answered in this long counts as a failed delivery. */
  readonly callbackTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

export function readExtrasConfig(env: Env): ExtrasConfig {
  const hosts = readString(env, 'CALLBACK_ALLOWED_HOSTS', '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  for (const host of hosts) {
    if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(host))
      throw new ConfigError(`CALLBACK_ALLOWED_HOSTS must list host names or host:port (got "${host}")`);
  }
  const secret = readOptionalString(env, 'CALLBACK_SECRET');
  if (hosts.length > 0 && !secret)
    throw new ConfigError('CALLBACK_SECRET is required when CALLBACK_ALLOWED_HOSTS is set');
  return {
    retentionHours: readInt(env, 'DOWNLOAD_RETENTION_HOURS', 168, 1, 87_600),
    retentionSweepIntervalMs: readInt(env, 'RETENTION_SWEEP_INTERVAL_MS', 600_000, 1_000, 86_400_000),
    callbackAllowedHosts: hosts,
    callbackSecret: secret,
    callbackAttempts: readInt(env, 'CALLBACK_ATTEMPTS', 5, 1, 20),
    callbackRetryDelayMs: readInt(env, 'CALLBACK_RETRY_DELAY_MS', 5_000, 10, 3_600_000),
    callbackTimeoutMs: readInt(env, 'CALLBACK_TIMEOUT_MS', 10_000, 100, 600_000),
  };
}

/** Callbacks are on only when both the allowed hosts and the signing secret are configured. */
export function callbacksEnabled(config: ExtrasConfig): boolean {
  return config.callbackAllowedHosts.length > 0 && config.callbackSecret !== undefined;
}
