import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module';
import { CopyStreamRepository } from './copy-stream.repository';
import { DownloadGenerationService } from './download-generation.service';
import { DownloadLaneEstimator } from './download-lane.estimator';
import { DownloadPlannerRegistry } from './download-planner.registry';
import { CancelRepository } from '../cancel/cancel.repository';
import { CancelWatchService } from '../cancel/cancel-watch.service';
import { ProgressReporterService } from '../progress/progress-reporter.service';
import { RowEstimateRepository } from '../progress/row-estimate.repository';

/** The pipeline, the planner registry and the lane estimator; the queue consumer is added by WorkerModule. */
@Module({
  imports: [StorageModule],
  providers: [
    DownloadPlannerRegistry,
    CopyStreamRepository,
    DownloadGenerationService,
    CancelRepository,
    CancelWatchService,
    RowEstimateRepository,
    ProgressReporterService,
    DownloadLaneEstimator,
  ],
  exports: [DownloadPlannerRegistry, DownloadGenerationService, DownloadLaneEstimator],
})
export class GenerationModule {}
