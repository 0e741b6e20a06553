import { Module } from '@nestjs/common';
import { DataLoadDateRepository } from '../data-model/repositories/data-load-date.repository';
import { StatusModule } from '../status/status.module';
import { DownloadSubmissionService } from './download-submission.service';

/** The shared path from a normalized request to a queued job, used by every download feature module. */
@Module({
  imports: [StatusModule],
  providers: [DownloadSubmissionService, DataLoadDateRepository],
  exports: [DownloadSubmissionService],
})
export class DownloadJobsModule {}
