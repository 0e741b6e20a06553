import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { BullRedisConnections } from './bull-redis-client.factory';
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

  constructor(
    @InjectQueue(DOWNLOAD_QUEUE) private readonly queue: Queue<GenerateDownloadPayload>,
    private readonly connections: BullRedisConnections,
  ) {
    super();
    // Without a listener ioredis reports every failed reconnection as an unhandled 'error' event.
    this.queue.on('error', (error) => this.logger.warn({ err: error }, 'Queue connection error'));
  }

  async enqueue(downloadJobId: number): Promise<void> {
    await this.queue.add(
      GENERATE_DOWNLOAD_JOB,
      { downloadJobId },
      { ...DOWNLOAD_JOB_OPTIONS, jobId: bullJobId(downloadJobId) },
    );
  }

  consume(handler: DownloadJobHandler, concurrency: number): void {
    this.consuming = true;
    void this.queue.process(GENERATE_DOWNLOAD_JOB, concurrency, async (job: Job<GenerateDownloadPayload>) => {
      try {
        await handler(job.data, { delivery: job.attemptsMade + 1 });
      } catch (error) {
        if (error instanceof PermanentJobError) await job.discard();
        throw error;
      }
    });
  }

  async stopConsuming(): Promise<void> {
    if (!this.consuming) return;
    // Local pause: this process takes no new job; running ones go on, other workers are not affected.
    await this.queue.pause(true, true).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'Could not pause the queue locally');
    });
  }

  onAbandoned(listener: (downloadJobId: number, reason: string) => void): void {
    this.queue.on('failed', (job: Job<GenerateDownloadPayload>, error: Error) => {
      // Failures thrown by the handler are already recorded; only stalls bypass it.
      if (/stalled/i.test(error.message)) listener(job.data.downloadJobId, error.message);
    });
  }

  onReconnected(listener: () => void): void {
    // 'ready' is emitted by ioredis on the first connection and after every reconnection.
    this.queue.client.on('ready', listener);
  }

  async isPending(downloadJobId: number): Promise<boolean> {
    const job = await this.queue.getJob(bullJobId(downloadJobId));
    if (!job) return false;
    const state = await job.getState();
    return state !== 'completed' && state !== 'failed';
  }

  isConnected(): boolean {
    return this.queue.client.status === 'ready';
  }

  async check(): Promise<void> {
    // ioredis queues commands while disconnected; asking a disconnected client would wait, not fail.
    if (!this.isConnected()) throw new Error(`not connected (${this.queue.client.status})`);
    await this.queue.client.ping();
  }

  async onModuleDestroy(): Promise<void> {
    try {
      await this.queue.close();
    } catch (error) {
      this.logger.warn({ err: error }, 'Closing the download queue failed');
    } finally {
      this.connections.closeAll();
    }
  }
}
