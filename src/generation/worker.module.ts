import { Module } from '@nestjs/common';
import { DownloadProcessor } from './download.processor';
import { DownloadRecoveryService } from './download-recovery.service';
import { GenerationModule } from './generation.module';

/** Consumes the download queue. Part of the worker process, and of the API when RUN_WORKER_IN_API is on. */
@Module({
  imports: [GenerationModule],
  providers: [DownloadProcessor, DownloadRecoveryService],
})
export class WorkerModule {}
