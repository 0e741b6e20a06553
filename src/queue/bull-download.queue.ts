import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { DownloadJobHandler, DownloadQueue, PermanentJobError } from './download-queue';
import {
  DOWNLOAD_JOB_ATTEMPTS,
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

  constructor(@InjectQueue(DOWNLOAD_QUEUE) private readonly queue: Queue<GenerateDownloadPayload>) {
    super();
  }

  async enqueue(downloadJobId: number): Promise<void> {
    await this.queue.add(
      GENERATE_DOWNLOAD_JOB,
      { downloadJobId },
      { ...DOWNLOAD_JOB_OPTIONS, jobId: bullJobId(downloadJobId) },
    );
  }

  consume(handler: DownloadJobHandler, concurrency: number): void {
    void this.queue.process(GENERATE_DOWNLOAD_JOB, concurrency, async (job: Job<GenerateDownloadPayload>) => {
      const maxAttempts = job.opts.attempts ?? DOWNLOAD_JOB_ATTEMPTS;
      try {
        await handler(job.data, { attempt: job.attemptsMade + 1, maxAttempts });
      } catch (error) {
        if (error instanceof PermanentJobError) await job.discard();
        throw error;
      }
    });
  }

  onAbandoned(listener: (downloadJobId: number, reason: string) => void): void {
    this.queue.on('failed', (job: Job<GenerateDownloadPayload>, error: Error) => {
      // Failures thrown by the handler are already recorded; only stalls bypass it.
      if (/stalled/i.test(error.message)) listener(job.data.downloadJobId, error.message);
    });
  }

  async isPending(downloadJobId: number): Promise<boolean> {
    const job = await this.queue.getJob(bullJobId(downloadJobId));
    if (!job) return false;
    const state = await job.getState();
    return state !== 'completed' && state !== 'failed';
  }

  async check(): Promise<void> {
    const client = await this.queue.isReady();
    await client.client.ping();
  }

  async onModuleDestroy(): Promise<void> {
    try {
      await this.queue.close();
    } catch (error) {
      this.logger.warn({ err: error }, 'Closing the download queue failed');
    }
  }
}
