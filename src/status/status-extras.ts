import type { JobStatusFields } from '../download-jobs/download-job.repository';
import { JobStatus } from '../database/entities/job-status.entity';
import { isExpired } from '../retention/retention.util';

/**
 * The fields this service adds to the reference's status answer. Each appears only in the states where it
 * means something, after the reference's keys, so a client that knows only the reference sees its own
 * fields unchanged.
 */
export interface StatusExtras {
  file_sha256?: string;
  expires_at?: string;
  expired?: boolean;
  rows_expected?: number | null;
  files_done?: number;
  files_total?: number | null;
  percent_complete?: number;
  seconds_remaining?: number | null;
}

export function statusExtras(job: JobStatusFields, now: Date): StatusExtras {
  const extras: StatusExtras = {};
  if (job.statusId === JobStatus.Running) return runningExtras(job);
  if (job.statusId !== JobStatus.Finished) return extras;
  if (job.fileSha256) extras.file_sha256 = job.fileSha256;
  // Archives and pre-generated files have no expiry: each run of their command replaces them.
  if (job.expiresAt) {
    extras.expires_at = job.expiresAt.toISOString();
    extras.expired = isExpired(job, now);
  }
  return extras;
}

/** Progress while running: what the worker last wrote (once a second); unknowns are null. */
function runningExtras(job: JobStatusFields): StatusExtras {
  return {
    rows_expected: job.rowsExpected === null ? null : Number(job.rowsExpected),
    files_done: job.filesDone ?? 0,
    files_total: job.filesTotal,
    percent_complete: job.progressPercent ?? 0,
    seconds_remaining: job.secondsRemaining,
  };
}
