import { Module } from '@nestjs/common';
import { DataLoadDateRepository } from '../data-model/repositories/data-load-date.repository';
import { GenerationModule } from '../generation/generation.module';
import { StatusModule } from '../status/status.module';
import {
  DownloadTimestampClock,
  PROCESS_DOWNLOAD_CLOCK,
} from '../download-request/file-names/download-timestamp.util';
import { DownloadSubmissionService } from './download-submission.service';
import { SubmissionExtrasService } from '../download-extras/submission-extras.service';
import { StorageModule } from '../storage/storage.module';
import { CancelRepository } from '../cancel/cancel.repository';

/** The shared path from a normalized request to a queued job, used by every download feature module. */
@Module({
  imports: [StatusModule, StorageModule, GenerationModule],
  // One timestamp clock per process, shared by every route, so no two requests mint the same zip name.
  providers: [
    DownloadSubmissionService,
    SubmissionExtrasService,
    CancelRepository,
    DataLoadDateRepository,
    { provide: DownloadTimestampClock, useValue: PROCESS_DOWNLOAD_CLOCK },
  ],
  exports: [DownloadSubmissionService, DownloadTimestampClock],
})
export class DownloadJobsModule {}
