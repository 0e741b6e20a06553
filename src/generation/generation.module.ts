import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module';
import { CopyStreamRepository } from './copy-stream.repository';
import { DownloadGenerationService } from './download-generation.service';
import { DownloadPlannerRegistry } from './download-planner.registry';
import { CancelRepository } from '../cancel/cancel.repository';
import { CancelWatchService } from '../cancel/cancel-watch.service';
import { ProgressReporterService } from '../progress/progress-reporter.service';
import { RowEstimateRepository } from '../progress/row-estimate.repository';

/** The pipeline and the planner registry; the queue consumer is added by WorkerModule. */
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
  ],
  exports: [DownloadPlannerRegistry, DownloadGenerationService],
})
export class GenerationModule {}
