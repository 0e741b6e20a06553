import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { DownloadLane } from '../queue/download-lane';
import { DownloadPlannerRegistry } from './download-planner.registry';

/** Planning a 300-column SELECT takes milliseconds; one that takes longer is not worth waiting for. */
const ESTIMATE_TIMEOUT_MS = 2_000;

interface ExplainRow {
  'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }];
}

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    if (selects.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${ESTIMATE_TIMEOUT_MS}`);
      let total = 0;
      for (const sql of selects) {
        // The SELECT comes from a planner and holds no unescaped user input.
        const [row] = await manager.query<ExplainRow[]>(`EXPLAIN (FORMAT JSON) ${sql}`);
        total += row['QUERY PLAN'][0].Plan['Plan Rows'];
      }
      return total;
    });
  }
}
