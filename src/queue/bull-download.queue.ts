import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { AppConfig } from '../config/app-config';
import { BullRedisConnections } from './bull-redis-client.factory';
import { DownloadLane, FAST_DOWNLOAD_QUEUE } from './download-lane';
import { DownloadJobHandler, DownloadQueue, PermanentJobError } from './download-queue';
import {
  DOWNLOAD_JOB_OPTIONS,
  DOWNLOAD_QUEUE,
  GENERATE_DOWNLOAD_JOB,
  GenerateDownloadPayload,
  bullJobId,
} from './download-queue.constants';

@Injectable()
export class BullDownloadQueue extends DownloadQueue implements OnModuleDestroy {
  readonly kind = 'bull';
  private readonly logger = new Logger(BullDownloadQueue.name);
  private consuming = false;
  private readonly lanes: Record<DownloadLane, Queue<GenerateDownloadPayload>>;

  constructor(
    @InjectQueue(DOWNLOAD_QUEUE) private readonly queue: Queue<GenerateDownloadPayload>,
    @InjectQueue(FAST_DOWNLOAD_QUEUE) fastQueue: Queue<GenerateDownloadPayload>,
    private readonly connections: BullRedisConnections,
    private readonly config: AppConfig,
  ) {
    super();
    this.lanes = { regular: queue, fast: fastQueue };
    for (const lane of Object.values(this.lanes)) {
      // Without a listener ioredis reports every failed reconnection as an unhandled 'error' event.
      lane.on('error', (error) => this.logger.warn({ err: error }, 'Queue connection error'));
    }
  }

  async enqueue(downloadJobId: number, lane: DownloadLane = 'regular'): Promise<void> {
    await this.lanes[lane].add(
      GENERATE_DOWNLOAD_JOB,
      { downloadJobId },
      { ...DOWNLOAD_JOB_OPTIONS, jobId: bullJobId(downloadJobId) },
    );
  }

  consume(handler: DownloadJobHandler, concurrency: number): void {
    this.consuming = true;
    const slots: Record<DownloadLane, number> = {
      regular: concurrency,
      fast: this.config.fastLaneConcurrency,
    };
    for (const [lane, queue] of this.entries()) {
      void queue.process(GENERATE_DOWNLOAD_JOB, slots[lane], async (job: Job<GenerateDownloadPayload>) => {
        try {
          await handler(job.data, { delivery: job.attemptsMade + 1 });
        } catch (error) {
          if (error instanceof PermanentJobError) await job.discard();
          throw error;
        }
      });
    }
  }

  async stopConsuming(): Promise<void> {
    if (!this.consuming) return;
    // Local pause: this process takes no new job; running ones go on, other workers are not affected.
    for (const [, queue] of this.entries()) {
      await queue.pause(true, true).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'Could not pause the queue locally');
      });
    }
  }

  onAbandoned(listener: (downloadJobId: number, reason: string) => void): void {
    for (const [, queue] of this.entries()) {
      queue.on('failed', (job: Job<GenerateDownloadPayload>, error: Error) => {
        // Failures thrown by the handler are already recorded; only stalls bypass it.
        if (/stalled/i.test(error.message)) listener(job.data.downloadJobId, error.message);
      });
    }
  }

  onReconnected(listener: () => void): void {
    // 'ready' is emitted by ioredis on the first connection and after every reconnection.
    this.queue.client.on('ready', listener);
  }

  async isPending(downloadJobId: number): Promise<boolean> {
    for (const [, queue] of this.entries()) {
      const job = await queue.getJob(bullJobId(downloadJobId));
      if (!job) continue;
      const state = await job.getState();
      if (state !== 'completed' && state !== 'failed') return true;
    }
    return false;
  }

  isConnected(): boolean {
    return this.entries().every(([, queue]) => queue.client.status === 'ready');
  }

  async check(): Promise<void> {
    // ioredis queues commands while disconnected; asking a disconnected client would wait, not fail.
    if (!this.isConnected()) throw new Error(`not connected (${this.queue.client.status})`);
    await this.queue.client.ping();
  }

  async onModuleDestroy(): Promise<void> {
    try {
      await Promise.all(this.entries().map(([, queue]) => queue.close()));
    } catch (error) {
      this.logger.warn({ err: error }, 'Closing the download queue failed');
    } finally {
      this.connections.closeAll();
    }
  }

  private entries(): [DownloadLane, Queue<GenerateDownloadPayload>][] {
    return Object.entries(this.lanes) as [DownloadLane, Queue<GenerateDownloadPayload>][];
  }
}
