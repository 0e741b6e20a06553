import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicPass } from '../common/periodic-pass';
import { AppConfig } from '../config/app-config';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { DownloadQueue } from '../queue/download-queue';
import { DownloadLaneEstimator } from './download-lane.estimator';

// A waiting job is normally queued within the request that created it (which gives up on the queue after
// 5 s); one idle longer may have missed its queue entry. Queuing it twice is harmless: the entry id is the
// job id, and a finished job is skipped.
const WAITING_IDLE_MS = 10_000;
// A running job's worker touches its row every second; idle this long, that worker is gone.
const RUNNING_IDLE_MS = 30_000;

/**
 * Nothing lost: a job whose queue entry vanished (Redis restarted without persistence, a request that
 * could not reach Redis, the in-process runner restarted) is queued again, within one sweep interval of
 * the queue answering, so no download stays `ready` or `running` forever.
 */
@Injectable()
export class DownloadRecoveryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DownloadRecovery');
  private readonly passes = new PeriodicPass(() => this.sweepOnce(WAITING_IDLE_MS, RUNNING_IDLE_MS));

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: DownloadJobRepository,
    private readonly queue: DownloadQueue,
    private readonly lanes: DownloadLaneEstimator,
  ) {}

  onApplicationBootstrap(): void {
    // The in-process runner starts empty, so whatever was unfinished before a restart is re-queued at once.
    const firstIdleMs = this.queue.kind === 'in-process' ? 0 : WAITING_IDLE_MS;
    void this.sweep(firstIdleMs, this.queue.kind === 'in-process' ? 0 : RUNNING_IDLE_MS);
    this.passes.start(this.config.recoverySweepIntervalMs);
    // Redis back after an outage: whatever it lost is looked for now, not at the next tick. Waiting jobs
    // of any age qualify (queuing one twice is harmless); running ones keep their idle margin.
    this.queue.onReconnected(() => void this.sweep(0, RUNNING_IDLE_MS));
  }

  onModuleDestroy(): void {
    // Not awaited, as before: a pass stuck on an unreachable dependency must not hold up the shutdown.
    void this.passes.stop();
  }

  /** Re-queues unfinished jobs idle long enough that the queue no longer holds; returns their ids. */
  sweep(waitingIdleMs = WAITING_IDLE_MS, runningIdleMs = RUNNING_IDLE_MS): Promise<number[]> {
    // One sweep at a time: a reconnection and a tick arriving together would otherwise race.
    return this.passes.run(() => this.sweepOnce(waitingIdleMs, runningIdleMs));
  }

  private async sweepOnce(waitingIdleMs: number, runningIdleMs: number): Promise<number[]> {
    const recovered: number[] = [];
    if (!this.queue.isConnected()) return recovered;
    try {
      const now = Date.now();
      const candidates = await this.jobs.findIdleUnfinished(
        new Date(now - waitingIdleMs),
        new Date(now - runningIdleMs),
      );
      for (const id of candidates) {
        if (await this.queue.isPending(id)) continue;
        const job = await this.jobs.findById(id);
        await this.queue.enqueue(id, job ? await this.lanes.laneOf(job) : 'regular');
        recovered.push(id);
      }
      if (recovered.length > 0)
        this.logger.warn({ downloadJobIds: recovered }, 'Re-queued downloads the queue had lost');
    } catch (error) {
      this.logger.warn({ err: error }, 'Recovery sweep failed; will try again');
    }
    return recovered;
  }
}
