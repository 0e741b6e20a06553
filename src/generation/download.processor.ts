import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { retryWhileDatabaseDown } from '../download-jobs/bookkeeping-retry.util';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { DeliveryInfo, DownloadQueue, PermanentJobError, RetryLaterError } from '../queue/download-queue';
import { GenerateDownloadPayload, fallbackRetryDelayMs } from '../queue/download-queue.constants';
import { DownloadGenerationService } from './download-generation.service';
import { classifyFailure } from './failure-message.util';
import { AttemptReleasedError } from './generation-errors';
import { retentionExpiry } from '../retention/retention.util';

/** After the grace period, how long released attempts get to stop and hand their job back. */
const RELEASE_TIMEOUT_MS = 15_000;

/**
 * Consumes the download queue: claims the job row, generates, and records exactly one outcome per
 * attempt (finished, resumed for a retry, failed with a human sentence, or released at shutdown).
 * Attempts are counted in the row, so a delivery that never became an attempt costs nothing.
 */
@Injectable()
export class DownloadProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DownloadJob');
  private readonly running = new Map<number, { abort: AbortController; done: Promise<unknown> }>();
  private draining: Promise<void> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly queue: DownloadQueue,
    private readonly jobs: DownloadJobRepository,
    private readonly generation: DownloadGenerationService,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.onAbandoned((id, reason) => {
      this.logger.error({ downloadJobId: id, reason }, 'Download abandoned by the queue');
      void this.record(id, () =>
        this.jobs.fail(id, 'The download was interrupted too many times and could not be completed.'),
      );
    });
    this.queue.consume((payload, delivery) => this.process(payload, delivery), this.config.workerConcurrency);
    this.logger.log(
      { concurrency: this.config.workerConcurrency, transport: this.queue.kind },
      'Worker consuming',
    );
  }

  /** Part of every shutdown (SIGTERM or app.close()): runs before the pools the attempts use are closed. */
  onModuleDestroy(): Promise<void> {
    return this.drain();
  }

  /**
   * Stops taking jobs, lets running attempts finish within the grace period, then hands the others back
   * to the queue (for another worker, or for this one after a restart) without counting them.
   */
  drain(): Promise<void> {
    this.draining ??= this.stopGracefully();
    return this.draining;
  }

  async process({ downloadJobId }: GenerateDownloadPayload, { delivery }: DeliveryInfo): Promise<void> {
    if (this.draining) throw new RetryLaterError('This worker is shutting down', 0);
    let job: DownloadJobEntity | null;
    try {
      job = await retryWhileDatabaseDown(() => this.jobs.startAttempt(downloadJobId));
    } catch (error) {
      // Not an attempt (nothing was claimed), so only the transport's delivery count grows.
      this.logger.error({ downloadJobId, delivery, err: error }, 'Could not claim the download; will retry');
      throw new RetryLaterError('Could not claim the download', this.retryDelay(delivery), error);
    }
    if (!job) {
      this.logger.warn({ downloadJobId }, 'Job is not runnable (finished, failed or missing); skipped');
      return;
    }
    const abort = new AbortController();
    const done = this.attempt(job, abort.signal);
    this.running.set(downloadJobId, { abort, done: done.catch(() => undefined) });
    try {
      await done;
    } finally {
      this.running.delete(downloadJobId);
    }
  }

  private async attempt(job: DownloadJobEntity, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    const attempt = job.attemptCount;
    const context = { downloadJobId: job.id, fileName: job.fileName, attempt };
    this.logger.log({ ...context, status: 'running' }, 'Download running');
    try {
      const totals = await this.generation.generate(job, signal);
      const expiresAt = retentionExpiry(this.config.extras);
      await retryWhileDatabaseDown(() => this.jobs.finish(job.id, totals, expiresAt));
      const { rows, columns, fileSize: bytes } = totals;
      this.logger.log(
        { ...context, status: 'finished', rows, columns, bytes, seconds: seconds(started) },
        'Download finished',
      );
    } catch (error) {
      if (signal.reason instanceof AttemptReleasedError) {
        this.logger.warn({ ...context, status: 'ready', seconds: seconds(started) }, 'Download handed back');
        await this.record(job.id, () => this.jobs.release(job.id));
        throw new RetryLaterError(signal.reason.message, 0, error);
      }
      const failure = classifyFailure(error);
      const lastAttempt = !failure.retryable || attempt >= this.config.downloadAttempts;
      this.logger.error(
        {
          ...context,
          status: lastAttempt ? 'failed' : 'resumed',
          reason: failure.message,
          seconds: seconds(started),
          err: error,
        },
        lastAttempt ? 'Download failed' : 'Download attempt failed; it will be retried',
      );
      if (lastAttempt) {
        await this.record(job.id, () => this.jobs.fail(job.id, failure.message));
        throw new PermanentJobError(failure.message, error);
      }
      await this.record(job.id, () => this.jobs.awaitRetry(job.id));
      throw new RetryLaterError(failure.message, this.retryDelay(attempt), error);
    }
  }

  /** Writes an outcome to the job row, waiting out a database outage; a lasting one is logged. */
  private async record(id: number, write: () => Promise<void>): Promise<void> {
    try {
      await retryWhileDatabaseDown(write);
    } catch (error) {
      this.logger.error({ downloadJobId: id, err: error }, 'Could not record the outcome of the attempt');
    }
  }

  private retryDelay(attempt: number): number {
    return fallbackRetryDelayMs(attempt, this.config.retryDelayMs);
  }

  private async stopGracefully(): Promise<void> {
    await this.queue.stopConsuming();
    if (this.running.size === 0) return;
    const ids = [...this.running.keys()];
    this.logger.log(
      { downloadJobIds: ids, graceMs: this.config.shutdownGraceMs },
      'Waiting for running downloads',
    );
    const finished = Promise.all([...this.running.values()].map((entry) => entry.done));
    if (await settlesWithin(finished, this.config.shutdownGraceMs)) return;
    const left = [...this.running.values()];
    for (const entry of left) entry.abort.abort(new AttemptReleasedError());
    if (!(await settlesWithin(Promise.all(left.map((entry) => entry.done)), RELEASE_TIMEOUT_MS))) {
      this.logger.error({ downloadJobIds: [...this.running.keys()] }, 'Downloads did not stop in time');
    }
  }
}

function seconds(since: number): number {
  return Math.round(Date.now() - since) / 1000;
}

/** True when `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
