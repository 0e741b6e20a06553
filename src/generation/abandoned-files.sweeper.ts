import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicPass } from '../common/periodic-pass';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { STORAGE_DRIVER, StorageDriver } from '../storage/storage.driver';
import { removeAbandonedSpoolDirs } from './spool-dirs';

/** Younger leftovers are left alone: their writer may be between creating the row and touching it. */
const MIN_AGE_MS = 60_000;
/** A running job's worker touches its row every second; one touched within this is alive. */
const LIVE_WITHIN_MS = 60_000;
// Often enough that what a killed worker left goes soon after its job was taken over and finished.
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Removes what killed or failed writers left in storage (local `.partial` files, unfinished multipart
 * uploads) and the temporary folders of COPYs run ahead by a worker that was killed (spool-dirs.ts): at
 * start, so a restarted worker cleans up after its previous life, and then every minute. A file a running
 * job is writing is never touched.
 */
@Injectable()
export class AbandonedFilesSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('StorageSweep');
  private readonly passes = new PeriodicPass(() => this.removeAbandoned(MIN_AGE_MS));

  constructor(
    private readonly jobs: DownloadJobRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  onApplicationBootstrap(): void {
    void this.passes.run();
    this.passes.start(SWEEP_INTERVAL_MS);
  }

  onModuleDestroy(): void {
    // Not awaited, as before: a pass stuck on an unreachable dependency must not hold up the shutdown.
    void this.passes.stop();
  }

  /** One pass; resolves with how many leftovers it removed (overlapping calls share the pass). */
  sweep(minAgeMs = MIN_AGE_MS): Promise<number> {
    return this.passes.run(() => this.removeAbandoned(minAgeMs));
  }

  private async removeAbandoned(minAgeMs: number): Promise<number> {
    const [stored, spools] = await Promise.all([
      this.removeFromStorage(minAgeMs),
      this.removeSpools(minAgeMs),
    ]);
    return stored + spools;
  }

  private async removeSpools(minAgeMs: number): Promise<number> {
    try {
      const removed = await removeAbandonedSpoolDirs(minAgeMs);
      if (removed > 0) this.logger.warn({ removed }, 'Removed temporary folders that killed workers left');
      return removed;
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not sweep the temporary folder for abandoned spools');
      return 0;
    }
  }

  private async removeFromStorage(minAgeMs: number): Promise<number> {
    try {
      const removed = await this.storage.removeAbandoned(minAgeMs, (name) =>
        this.jobs.isBeingGenerated(name, LIVE_WITHIN_MS),
      );
      if (removed > 0) this.logger.warn({ removed }, 'Removed files that interrupted writes left in storage');
      return removed;
    } catch (error) {
      // A store without the listing (some S3 look-alikes) or one that is down: try again later.
      this.logger.warn({ err: error }, 'Could not sweep storage for abandoned files');
      return 0;
    }
  }
}
