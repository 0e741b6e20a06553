import { Module } from '@nestjs/common';
import { DataLoadDateRepository } from '../data-model/repositories/data-load-date.repository';
import { DownloadJobsModule } from '../download-jobs/download-jobs.module';
import { GenerationModule } from '../generation/generation.module';
import { AwardCountRepository } from './award-count.repository';
import { AwardDownloadPlanner } from './award-download.planner';
import { AwardsDownloadController } from './awards-download.controller';
import { AwardsDownloadService } from './awards-download.service';

@Module({
  imports: [DownloadJobsModule, GenerationModule],
  controllers: [AwardsDownloadController],
  providers: [AwardsDownloadService, AwardCountRepository, AwardDownloadPlanner, DataLoadDateRepository],
  exports: [AwardDownloadPlanner],
})
export class AwardsDownloadModule {}
