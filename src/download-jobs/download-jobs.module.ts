import { Module } from '@nestjs/common';
import { DataLoadDateRepository } from '../data-model/repositories/data-load-date.repository';
import { GenerationModule } from '../generation/generation.module';
import { StatusModule } from '../status/status.module';
import {
  DownloadTimestampClock,
  PROCESS_DOWNLOAD_CLOCK,
} from '../download-request/file-names/download-timestamp.util';
import { DownloadSubmissionService } from './download-submission.service';

/** The shared path from a normalized request to a queued job, used by every download feature module. */
@Module({
  imports: [StatusModule, GenerationModule],
  // One timestamp clock per process, shared by every route, so no two requests mint the same zip name.
  providers: [
    DownloadSubmissionService,
    DataLoadDateRepository,
    { provide: DownloadTimestampClock, useValue: PROCESS_DOWNLOAD_CLOCK },
  ],
  exports: [DownloadSubmissionService, DownloadTimestampClock],
})
export class DownloadJobsModule {}
