import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module';
import { CopyStreamRepository } from './copy-stream.repository';
import { DownloadGenerationService } from './download-generation.service';
import { DownloadLaneEstimator } from './download-lane.estimator';
import { DownloadPlannerRegistry } from './download-planner.registry';

/** The pipeline, the planner registry and the lane estimator; the queue consumer is added by WorkerModule. */
@Module({
  imports: [StorageModule],
  providers: [
    DownloadPlannerRegistry,
    CopyStreamRepository,
    DownloadGenerationService,
    DownloadLaneEstimator,
  ],
  exports: [DownloadPlannerRegistry, DownloadGenerationService, DownloadLaneEstimator],
})
export class GenerationModule {}
