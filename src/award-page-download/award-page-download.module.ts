import { Module } from '@nestjs/common';
import { DownloadJobsModule } from '../download-jobs/download-jobs.module';
import { GenerationModule } from '../generation/generation.module';
import { AwardLookupRepository } from './award-lookup.repository';
import { AwardPageDownloadController } from './award-page-download.controller';
import { AwardPageDownloadPlanner } from './award-page-download.planner';
import { AwardPageDownloadService } from './award-page-download.service';

/** POST /api/v2/download/idv/, /contract/ and /assistance/, and the planner of their jobs. */
@Module({
  imports: [DownloadJobsModule, GenerationModule],
  controllers: [AwardPageDownloadController],
  providers: [AwardPageDownloadService, AwardLookupRepository, AwardPageDownloadPlanner],
})
export class AwardPageDownloadModule {}
