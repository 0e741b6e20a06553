import type { AdvancedSettings, JobOptions } from 'bull';
import { RetryLaterError } from './download-queue';

/** The one queue of the service and its one job: payloads carry the download_job id only. */
export const DOWNLOAD_QUEUE = 'downloads';
export const GENERATE_DOWNLOAD_JOB = 'generate-download';

export interface GenerateDownloadPayload {
  downloadJobId: number;
}

/** Default of DOWNLOAD_ATTEMPTS: attempts are counted in the job row (`attempt_count`), not by the transport. */
export const DEFAULT_DOWNLOAD_ATTEMPTS = 3;

/**
 * Deliveries the transport allows one queue entry: the attempts, plus deliveries that were not attempts
 * (released at shutdown, or the database unreachable when the worker tried to claim the job). A bound, so a
 * job can never circulate forever; the recovery sweep still finds a job whose entry ran out.
 */
export const MAX_DELIVERIES = 20;

/** Name of the backoff strategy registered on the queue: the handler's RetryLaterError carries the delay. */
const DOWNLOAD_BACKOFF = 'download-backoff';

/** Delay before delivery `attemptsMade + 1` when a handler failed without naming one (unexpected errors). */
export function fallbackRetryDelayMs(attemptsMade: number, baseDelayMs: number): number {
  return Math.min(baseDelayMs * 2 ** Math.max(0, attemptsMade - 1), 10 * 60_000);
}

export const DOWNLOAD_JOB_OPTIONS: JobOptions = {
  attempts: MAX_DELIVERIES,
  backoff: { type: DOWNLOAD_BACKOFF },
  // Outcomes live in download_job; removing finished Bull jobs keeps the id `download-<id>` free, so a
  // recreated database can never collide with a job Redis still remembers.
  removeOnComplete: true,
  removeOnFail: true,
};

/** Defaults of QUEUE_LOCK_DURATION_MS and QUEUE_STALLED_INTERVAL_MS. */
export const DEFAULT_LOCK_DURATION_MS = 5 * 60_000;
export const DEFAULT_STALLED_INTERVAL_MS = 60_000;

export function downloadQueueSettings(
  lockDurationMs: number,
  stalledIntervalMs: number,
  retryDelayMs = 10_000,
): AdvancedSettings {
  return {
    // A worker renews its lock ten times per lock period; a large zip can keep the event loop busy for a
    // while, so the lock outlives several missed renewals before the job is declared stalled.
    lockDuration: lockDurationMs,
    lockRenewTime: Math.floor(lockDurationMs / 10),
    // A killed worker's job is noticed within one interval of its lock expiring and handed to another worker.
    stalledInterval: stalledIntervalMs,
    maxStalledCount: 2,
    backoffStrategies: {
      [DOWNLOAD_BACKOFF]: (attemptsMade: number, error: unknown) =>
        error instanceof RetryLaterError ? error.delayMs : fallbackRetryDelayMs(attemptsMade, retryDelayMs),
    },
  };
}

/** One Bull job per download: enqueueing a download that is already waiting or running is a no-op. */
export function bullJobId(downloadJobId: number): string {
  return `download-${downloadJobId}`;
}
