import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicPass } from '../common/periodic-pass';
import { AppConfig } from '../config/app-config';
import { STORAGE_DRIVER, StorageDriver } from '../storage/storage.driver';
import { RetentionRepository } from './retention.repository';

const BATCH = 100;

/**
 * Deletes the files of requested downloads whose retention has passed (and whatever a cancelled job left
 * under its name), then marks them removed: the status keeps answering (`finished`, `expired: true`) and the
 * file route answers 410. Runs in every worker; deleting twice is harmless, so workers need not coordinate.
 */
@Injectable()
export class ExpiredFilesSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RetentionSweep');
  private readonly passes = new PeriodicPass(() => this.removeDue(new Date()));

  constructor(
    private readonly config: AppConfig,
    private readonly retention: RetentionRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start(this.config.extras.retentionSweepIntervalMs);
  }

  onModuleDestroy(): Promise<unknown> {
    return this.passes.stop();
  }

  /** One pass; resolves with how many files it deleted (overlapping calls share the pass). */
  sweep(now = new Date()): Promise<number> {
    return this.passes.run(() => this.removeDue(now));
  }

  private async removeDue(now: Date): Promise<number> {
    let removed = 0;
    try {
      for (;;) {
        const due = await this.retention.due(now, BATCH);
        for (const file of due) {
          await this.storage.remove(file.fileName);
          await this.retention.markRemoved(file.id);
          removed += 1;
        }
        if (due.length < BATCH) break;
      }
      if (removed > 0) this.logger.log({ removed }, 'Deleted expired downloads');
    } catch (error) {
      // Storage or database down: what is left is deleted by the next pass.
      this.logger.warn({ err: error, removed }, 'Could not finish deleting expired downloads');
    }
    return removed;
  }
}
