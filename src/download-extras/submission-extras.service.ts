import { Inject, Injectable } from '@nestjs/common';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { JobStatus } from '../database/entities/job-status.entity';
import { STORAGE_DRIVER, StorageDriver } from '../storage/storage.driver';

/**
 * What the submission path does beyond the reference, kept out of DownloadSubmissionService so the reference's
 * path reads as before: the same-request cache hands out only files that still exist.
 */
@Injectable()
export class SubmissionExtrasService {
  constructor(@Inject(STORAGE_DRIVER) private readonly storage: StorageDriver) {}

  /** A finished job is reusable only while its file is in storage (not deleted by hand or by an operator). */
  async stillStored(job: DownloadJobEntity): Promise<boolean> {
    if (job.statusId !== JobStatus.Finished) return true;
    return (await this.storage.stat(job.fileName)) !== null;
  }
}
