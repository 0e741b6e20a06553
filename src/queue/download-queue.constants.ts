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

export const DOWNLOAD_QUEUE_SETTINGS: AdvancedSettings = {
  // A worker renews its lock every lockRenewTime; a large zip can keep the event loop busy for a while,
  // so the lock outlives several missed renewals before the job is declared stalled.
  lockDuration: 5 * 60_000,
  lockRenewTime: 30_000,
  // A killed worker's job is noticed within a minute of its lock expiring and handed to another worker.
  stalledInterval: 60_000,
  maxStalledCount: 2,
};

/** One Bull job per download: enqueueing a download that is already waiting or running is a no-op. */
export function bullJobId(downloadJobId: number): string {
  return `download-${downloadJobId}`;
}
