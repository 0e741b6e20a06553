import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DownloadLane } from './download-lane';
import { DownloadJobHandler, DownloadQueue, PermanentJobError, RetryLaterError } from './download-queue';
import { MAX_DELIVERIES, fallbackRetryDelayMs } from './download-queue.constants';

interface Delivery {
  id: number;
  delivery: number;
  lane: DownloadLane;
}

/**
 * Zero-configuration transport without Redis: jobs run in this process, a few at a time, with the
 * same retry rules as Bull. Jobs waiting here are lost on restart; the recovery sweep re-queues them.
 */
@Injectable()
export class InProcessDownloadQueue extends DownloadQueue implements OnModuleDestroy {
  readonly kind = 'in-process';
  private readonly logger = new Logger(InProcessDownloadQueue.name);
  private readonly waiting: Record<DownloadLane, Delivery[]> = { regular: [], fast: [] };
  private handler: DownloadJobHandler | undefined;
  private readonly slots: Record<DownloadLane, number> = { regular: 1, fast: 1 };
  private readonly active: Record<DownloadLane, number> = { regular: 0, fast: 0 };
  private readonly pending = new Set<number>();
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly retryDelayMs: number;

  constructor(config?: AppConfig) {
    super();
    this.retryDelayMs = config?.retryDelayMs ?? 2_000;
    this.slots.fast = config?.fastLaneConcurrency ?? 1;
  }

  enqueue(downloadJobId: number, lane: DownloadLane = 'regular'): Promise<void> {
    if (this.pending.has(downloadJobId)) return Promise.resolve();
    this.pending.add(downloadJobId);
    this.waiting[lane].push({ id: downloadJobId, delivery: 1, lane });
    this.pump();
    return Promise.resolve();
  }

  consume(handler: DownloadJobHandler, concurrency: number): void {
    this.handler = handler;
    this.slots.regular = concurrency;
    this.pump();
  }

  stopConsuming(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }

  onAbandoned(): void {
    // Nothing runs outside the handler here, so nothing can be abandoned.
  }

  onReconnected(): void {
    // Never disconnected.
  }

  isPending(downloadJobId: number): Promise<boolean> {
    return Promise.resolve(this.pending.has(downloadJobId));
  }

  isConnected(): boolean {
    return true;
  }

  check(): Promise<void> {
    return Promise.resolve();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  private pump(): void {
    for (const lane of ['regular', 'fast'] as const) {
      const waiting = this.waiting[lane];
      while (this.handler && !this.stopped && this.active[lane] < this.slots[lane] && waiting.length > 0) {
        const next = waiting.shift()!;
        this.active[lane] += 1;
        void this.run(this.handler, next).finally(() => {
          this.active[lane] -= 1;
          this.pump();
        });
      }
    }
  }

  private async run(handler: DownloadJobHandler, job: Delivery): Promise<void> {
    try {
      await handler({ downloadJobId: job.id }, { delivery: job.delivery });
      this.pending.delete(job.id);
    } catch (error) {
      if (error instanceof PermanentJobError || job.delivery >= MAX_DELIVERIES || this.stopped) {
        this.pending.delete(job.id);
        return;
      }
      const delay =
        error instanceof RetryLaterError
          ? error.delayMs
          : fallbackRetryDelayMs(job.delivery, this.retryDelayMs);
      this.logger.warn(
        { downloadJobId: job.id, delivery: job.delivery, delay },
        'Download delivered again later',
      );
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiting[job.lane].push({ ...job, delivery: job.delivery + 1 });
        this.pump();
      }, delay);
      this.timers.add(timer);
    }
  }
}
