import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DownloadJobHandler, DownloadQueue, PermanentJobError } from './download-queue';
import { DOWNLOAD_JOB_ATTEMPTS } from './download-queue.constants';

const RETRY_DELAY_MS = 2_000;

/**
 * Zero-configuration transport without Redis: jobs run in this process, a few at a time, with the
 * same retry rules as Bull. Jobs waiting here are lost on restart; use Redis for anything real.
 */
@Injectable()
export class InProcessDownloadQueue extends DownloadQueue implements OnModuleDestroy {
  readonly kind = 'in-process';
  private readonly logger = new Logger(InProcessDownloadQueue.name);
  private readonly waiting: { id: number; attempt: number }[] = [];
  private handler: DownloadJobHandler | undefined;
  private concurrency = 1;
  private active = 0;
  private readonly pending = new Set<number>();
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  enqueue(downloadJobId: number): Promise<void> {
    if (this.pending.has(downloadJobId)) return Promise.resolve();
    this.pending.add(downloadJobId);
    this.waiting.push({ id: downloadJobId, attempt: 1 });
    this.pump();
    return Promise.resolve();
  }

  consume(handler: DownloadJobHandler, concurrency: number): void {
    this.handler = handler;
    this.concurrency = concurrency;
    this.pump();
  }

  onAbandoned(): void {
    // Nothing runs outside the handler here, so nothing can be abandoned.
  }

  isPending(downloadJobId: number): Promise<boolean> {
    return Promise.resolve(this.pending.has(downloadJobId));
  }

  check(): Promise<void> {
    return Promise.resolve();
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  private pump(): void {
    while (this.handler && !this.closed && this.active < this.concurrency && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.active += 1;
      void this.run(this.handler, next).finally(() => {
        this.active -= 1;
        this.pump();
      });
    }
  }

  private async run(handler: DownloadJobHandler, job: { id: number; attempt: number }): Promise<void> {
    try {
      await handler({ downloadJobId: job.id }, { attempt: job.attempt, maxAttempts: DOWNLOAD_JOB_ATTEMPTS });
      this.pending.delete(job.id);
    } catch (error) {
      if (error instanceof PermanentJobError || job.attempt >= DOWNLOAD_JOB_ATTEMPTS) {
        this.pending.delete(job.id);
        return;
      }
      this.logger.warn({ downloadJobId: job.id, attempt: job.attempt }, 'Download attempt failed; retrying');
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiting.push({ id: job.id, attempt: job.attempt + 1 });
        this.pump();
      }, RETRY_DELAY_MS * job.attempt);
      this.timers.add(timer);
    }
  }
}
