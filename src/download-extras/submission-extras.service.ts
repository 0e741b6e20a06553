import { Inject, Injectable } from '@nestjs/common';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { JobStatus } from '../database/entities/job-status.entity';
import { currentCallbackUrl } from '../callbacks/callback-context';
import { CancelRepository } from '../cancel/cancel.repository';
import { STORAGE_DRIVER, StorageDriver } from '../storage/storage.driver';

/** Fields this service adds to the answer of a download request. */
export interface SubmissionAnswerExtras {
  /** Given only to this requester: cancels the job (once every requester holding it has cancelled). */
  cancel_token: string;
}

/**
 * What the submission path does beyond the reference, kept out of DownloadSubmissionService so the reference's
 * path reads as before: the same-request cache hands out only files that still exist, and every answer
 * carries its requester's own cancel token.
 */
@Injectable()
export class SubmissionExtrasService {
  constructor(
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly cancels: CancelRepository,
  ) {}

  /** Registers the requester an answer goes to (new job or cache hit) and returns the fields it adds. */
  async forRequester(job: DownloadJobEntity): Promise<SubmissionAnswerExtras> {
    return { cancel_token: await this.cancels.issue(job.id, currentCallbackUrl()) };
  }

  /** A finished job is reusable only while its file is in storage (not deleted by hand or by an operator). */
  async stillStored(job: DownloadJobEntity): Promise<boolean> {
    if (job.statusId !== JobStatus.Finished) return true;
    return (await this.storage.stat(job.fileName)) !== null;
  }
}
