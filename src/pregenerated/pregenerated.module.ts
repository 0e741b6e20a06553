import { Module } from '@nestjs/common';
import { GenerationModule } from '../generation/generation.module';
import { StorageModule } from '../storage/storage.module';
import {
  DownloadTimestampClock,
  PROCESS_DOWNLOAD_CLOCK,
} from '../download-request/file-names/download-timestamp.util';
import { PregeneratedFileService } from './pregenerated-file.service';
import { PregeneratedJobRepository } from './pregenerated-job.repository';

/** Producing (commands) and finding (listing routes) the files generated ahead of requests. */
@Module({
  imports: [GenerationModule, StorageModule],
  providers: [
    PregeneratedFileService,
    PregeneratedJobRepository,
    { provide: DownloadTimestampClock, useValue: PROCESS_DOWNLOAD_CLOCK },
  ],
  exports: [PregeneratedFileService, PregeneratedJobRepository, DownloadTimestampClock],
})
export class PregeneratedModule {}
