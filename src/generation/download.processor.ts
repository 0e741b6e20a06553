import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { AttemptInfo, DownloadQueue, PermanentJobError } from '../queue/download-queue';
import { GenerateDownloadPayload } from '../queue/download-queue.constants';
import { DownloadGenerationService } from './download-generation.service';
import { classifyFailure } from './failure-message.util';

/**
 * Consumes the download queue: claims the job row, generates, and records exactly one outcome per
 * attempt (finished, resumed for a retry, or failed with a human sentence).
 */
@Injectable()
export class DownloadProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('DownloadJob');

  constructor(
    private readonly config: AppConfig,
    private readonly queue: DownloadQueue,
    private readonly jobs: DownloadJobRepository,
    private readonly generation: DownloadGenerationService,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.onAbandoned((id, reason) => {
      this.logger.error({ downloadJobId: id, reason }, 'Download abandoned by the queue');
      void this.jobs
        .fail(id, 'The download was interrupted too many times and could not be completed.')
        .catch((error: unknown) =>
          this.logger.error({ err: error, downloadJobId: id }, 'Could not record failure'),
        );
    });
    this.queue.consume((payload, attempt) => this.process(payload, attempt), this.config.workerConcurrency);
    this.logger.log(
      { concurrency: this.config.workerConcurrency, transport: this.queue.kind },
      'Worker consuming',
    );
  }

  async process({ downloadJobId }: GenerateDownloadPayload, attempt: AttemptInfo): Promise<void> {
    const job = await this.jobs.startAttempt(downloadJobId);
    if (!job) {
      this.logger.warn({ downloadJobId }, 'Job is not runnable (finished, failed or missing); skipped');
      return;
    }
    const started = Date.now();
    const context = { downloadJobId, fileName: job.fileName, attempt: attempt.attempt };
    this.logger.log({ ...context, status: 'running' }, 'Download running');
    try {
      const totals = await this.generation.generate(job);
      await this.jobs.finish(downloadJobId, totals);
      this.logger.log(
        {
          ...context,
          status: 'finished',
          rows: totals.rows,
          columns: totals.columns,
          bytes: totals.fileSize,
          seconds: seconds(started),
        },
        'Download finished',
      );
    } catch (error) {
      const failure = classifyFailure(error);
      const lastAttempt = !failure.retryable || attempt.attempt >= attempt.maxAttempts;
      this.logger.error(
        { ...context, status: lastAttempt ? 'failed' : 'resumed', seconds: seconds(started), err: error },
        lastAttempt ? 'Download failed' : 'Download attempt failed; it will be retried',
      );
      if (lastAttempt) await this.jobs.fail(downloadJobId, failure.message);
      else await this.jobs.awaitRetry(downloadJobId);
      throw failure.retryable ? error : new PermanentJobError(failure.message, error);
    }
  }
}

function seconds(since: number): number {
  return Math.round(Date.now() - since) / 1000;
}
