import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { DownloadQueue } from '../queue/download-queue';

const SWEEP_INTERVAL_MS = 60_000;
// A running job touches its row every second; idle this long, its worker is gone. Waiting jobs are
// given the same grace so a request that is being enqueued right now is never queued twice.
const IDLE_BEFORE_RECOVERY_MS = 2 * 60_000;

/**
 * Nothing lost: a job whose queue entry vanished (Redis restarted without persistence, or the
 * in-process runner restarted) is queued again, so no download stays `ready` or `running` forever.
 */
@Injectable()
export class DownloadRecoveryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DownloadRecovery');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly jobs: DownloadJobRepository,
    private readonly queue: DownloadQueue,
  ) {}

  onApplicationBootstrap(): void {
    // The in-process runner starts empty, so whatever was unfinished before a restart is re-queued at once.
    const firstIdleMs = this.queue.kind === 'in-process' ? 0 : IDLE_BEFORE_RECOVERY_MS;
    void this.sweep(firstIdleMs);
    this.timer = setInterval(() => void this.sweep(IDLE_BEFORE_RECOVERY_MS), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Re-queues unfinished jobs idle for `idleMs` that the queue no longer holds; returns their ids. */
  async sweep(idleMs: number): Promise<number[]> {
    const recovered: number[] = [];
    try {
      const candidates = await this.jobs.findIdleUnfinished(new Date(Date.now() - idleMs));
      for (const id of candidates) {
        if (await this.queue.isPending(id)) continue;
        await this.queue.enqueue(id);
        recovered.push(id);
      }
      if (recovered.length > 0)
        this.logger.warn({ downloadJobIds: recovered }, 'Re-queued downloads the queue had lost');
    } catch (error) {
      this.logger.error({ err: error }, 'Recovery sweep failed; will try again');
    }
    return recovered;
  }
}
