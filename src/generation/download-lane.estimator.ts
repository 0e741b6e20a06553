import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { RowEstimateRepository } from '../progress/row-estimate.repository';
import { DownloadLane } from '../queue/download-lane';
import { DownloadPlannerRegistry } from './download-planner.registry';

/**
 * Picks a download's lane from the planner's row estimate (EXPLAIN of each file's SELECT, summed): no query
 * runs, so it costs a request a few milliseconds whatever the data size. Any doubt (no planner, a slow or
 * failing EXPLAIN) means the regular lane, where every download is safe, only maybe slower to start.
 */
@Injectable()
export class DownloadLaneEstimator {
  private readonly logger = new Logger('DownloadLane');

  constructor(
    private readonly config: AppConfig,
    private readonly planners: DownloadPlannerRegistry,
    private readonly rowEstimates: RowEstimateRepository,
  ) {}

  async laneOf(job: DownloadJobEntity): Promise<DownloadLane> {
    if (this.config.fastLaneMaxRows === 0) return 'regular';
    try {
      const rows = await this.estimateRows(job);
      return rows < this.config.fastLaneMaxRows ? 'fast' : 'regular';
    } catch (error) {
      this.logger.warn({ downloadJobId: job.id, err: error }, 'No row estimate; using the regular lane');
      return 'regular';
    }
  }

  /** The planner's expected number of data rows of the whole download. */
  async estimateRows(job: DownloadJobEntity): Promise<number> {
    const plan = await this.planners.plan(job);
    const selects = plan.sources.flatMap((source) => (source.sql === null ? [] : [source.sql]));
    const rows = await this.rowEstimates.plannedRows(selects);
    if (rows === null) throw new Error('The planner could not estimate the download');
    return rows;
  }
}
