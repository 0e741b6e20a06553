import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { JobStatus } from '../database/entities/job-status.entity';

/**
 * The fields this service adds to the reference's status answer. Each appears only in the states where it
 * means something, after the reference's keys, so a client that knows only the reference sees its own
 * fields unchanged.
 */
export interface StatusExtras {
  file_sha256?: string;
}

export function statusExtras(job: DownloadJobEntity): StatusExtras {
  const extras: StatusExtras = {};
  if (job.statusId === JobStatus.Finished && job.fileSha256) extras.file_sha256 = job.fileSha256;
  return extras;
}
