import { Injectable, Logger } from '@nestjs/common';
import { JobStatus } from '../database/entities/job-status.entity';
import type { GenerationAttempt } from '../generation/generation-attempt';
import { CancelRepository } from './cancel.repository';
import { DownloadCancelledError } from './download-cancelled.error';

/** Often enough that a cancelled download stops within 2 s (poll, then tear-down), cheap enough per job. */
const POLL_MS = 400;

/**
 * Lets a running attempt notice that the cancel route stopped its job (possibly from another process): the job
 * row turned `failed`. The attempt then fails with DownloadCancelledError, which stops every stage and removes
 * the partial file; the COPY queries it had open are cancelled on the server too, so a long sort does not go
 * on with no one to read it.
 */
@Injectable()
export class CancelWatchService {
  private readonly logger = new Logger('DownloadCancel');

  constructor(private readonly cancels: CancelRepository) {}

  /** Watches the job until the returned function is called. */
  watch(downloadJobId: number, attempt: GenerationAttempt): () => void {
    let checking = false;
    const timer = setInterval(() => {
      if (checking) return;
      checking = true;
      this.cancels
        .statusOf(downloadJobId)
        .then((status) => {
          if (status === JobStatus.Failed) {
            this.logger.log({ downloadJobId }, 'Download cancelled by its requesters; stopping');
            attempt.fail(new DownloadCancelledError());
          }
        })
        // The database down: the attempt's own stages notice it; the next poll tries again.
        .catch(() => undefined)
        .finally(() => (checking = false));
    }, POLL_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Registers a COPY's server process to be cancelled should the attempt end by a cancel. */
  cancelQueryOnCancel(attempt: GenerationAttempt, backendPid: number): void {
    attempt.onFailure((error) => {
      if (!(error instanceof DownloadCancelledError)) return;
      void this.cancels.cancelQuery(backendPid).catch(() => undefined);
    });
  }
}
