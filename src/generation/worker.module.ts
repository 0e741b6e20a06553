import { Module } from '@nestjs/common';
import { AbandonedFilesSweeper } from './abandoned-files.sweeper';
import { DownloadProcessor } from './download.processor';
import { DownloadRecoveryService } from './download-recovery.service';
import { StorageModule } from '../storage/storage.module';
import { GenerationModule } from './generation.module';
import { PlannerCoverageCheck } from './planner-coverage.check';
import { ExtrasWorkerModule } from '../download-extras/extras-worker.module';

/** Consumes the download queue. Part of the worker process, and of the API when RUN_WORKER_IN_API is on. */
@Module({
  imports: [GenerationModule, StorageModule, ExtrasWorkerModule],
  providers: [PlannerCoverageCheck, DownloadProcessor, DownloadRecoveryService, AbandonedFilesSweeper],
})
export class WorkerModule {}
