import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { ExtrasConfig } from '../config/extras-config';

const HOUR_MS = 3_600_000;

/** When a requested download that finishes `now` is deleted. */
export function retentionExpiry(config: ExtrasConfig, now = new Date()): Date {
  return new Date(now.getTime() + config.retentionHours * HOUR_MS);
}

/**
 * The latest expiry a cached job may have and still be handed to a new requester: it must stay available for
 * a while (an hour, or half the retention when that is shorter) after the answer, not vanish right after it.
 */
export function reusableUntil(config: ExtrasConfig, now = new Date()): Date {
  return new Date(now.getTime() + Math.min(HOUR_MS, (config.retentionHours * HOUR_MS) / 2));
}

/** Expired once its time has come, whether or not the sweep has deleted the file yet. */
export function isExpired(
  job: Pick<DownloadJobEntity, 'fileRemovedAt' | 'expiresAt'>,
  now = new Date(),
): boolean {
  return job.fileRemovedAt !== null || (job.expiresAt !== null && job.expiresAt.getTime() <= now.getTime());
}

export function expiredDetail(job: DownloadJobEntity): string {
  const at = (job.expiresAt ?? job.fileRemovedAt ?? new Date()).toISOString();
  return `This download expired at ${at}; request it again.`;
}
