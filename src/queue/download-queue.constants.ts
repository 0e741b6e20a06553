import type { AdvancedSettings, JobOptions } from 'bull';

/** The one queue of the service and its one job: payloads carry the download_job id only. */
export const DOWNLOAD_QUEUE = 'downloads';
export const GENERATE_DOWNLOAD_JOB = 'generate-download';

export interface GenerateDownloadPayload {
  downloadJobId: number;
}

export const DOWNLOAD_JOB_ATTEMPTS = 3;

export const DOWNLOAD_JOB_OPTIONS: JobOptions = {
  attempts: DOWNLOAD_JOB_ATTEMPTS,
  // 10 s, 20 s, ...: long enough for a restarted PostgreSQL or storage to come back.
  backoff: { type: 'exponential', delay: 10_000 },
  // Outcomes live in download_job; removing finished Bull jobs keeps the id `download-<id>` free, so a
  // recreated database can never collide with a job Redis still remembers.
  removeOnComplete: true,
  removeOnFail: true,
};

/** Defaults of QUEUE_LOCK_DURATION_MS and QUEUE_STALLED_INTERVAL_MS. */
export const DEFAULT_LOCK_DURATION_MS = 5 * 60_000;
export const DEFAULT_STALLED_INTERVAL_MS = 60_000;

export function downloadQueueSettings(lockDurationMs: number, stalledIntervalMs: number): AdvancedSettings {
  return {
    // A worker renews its lock ten times per lock period; a large zip can keep the event loop busy for a
    // while, so the lock outlives several missed renewals before the job is declared stalled.
    lockDuration: lockDurationMs,
    lockRenewTime: Math.floor(lockDurationMs / 10),
    // A killed worker's job is noticed within one interval of its lock expiring and handed to another worker.
    stalledInterval: stalledIntervalMs,
    maxStalledCount: 2,
  };
}

/** One Bull job per download: enqueueing a download that is already waiting or running is a no-op. */
export function bullJobId(downloadJobId: number): string {
  return `download-${downloadJobId}`;
}
