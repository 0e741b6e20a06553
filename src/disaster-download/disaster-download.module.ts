import { Module } from '@nestjs/common';
import { DownloadJobsModule } from '../download-jobs/download-jobs.module';
import { GenerationModule } from '../generation/generation.module';
import { DisasterDownloadController } from './disaster-download.controller';
import { DisasterDownloadPlanner } from './disaster-download.planner';
import { DisasterDownloadService } from './disaster-download.service';
import { DisasterLookupRepository } from './disaster-lookup.repository';

/** POST /api/v2/download/disaster/ and /disaster/recipients/, and the planner of their jobs. */
@Module({
  imports: [DownloadJobsModule, GenerationModule],
  controllers: [DisasterDownloadController],
  providers: [DisasterDownloadService, DisasterLookupRepository, DisasterDownloadPlanner],
  exports: [DisasterDownloadPlanner],
})
export class DisasterDownloadModule {}
