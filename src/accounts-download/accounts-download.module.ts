import { Module } from '@nestjs/common';
import { DownloadJobsModule } from '../download-jobs/download-jobs.module';
import { GenerationModule } from '../generation/generation.module';
import { AccountDownloadPlanner } from './account-download.planner';
import { AccountLookupRepository } from './account-lookup.repository';
import { AccountsDownloadController } from './accounts-download.controller';
import { AccountsDownloadService } from './accounts-download.service';

@Module({
  imports: [DownloadJobsModule, GenerationModule],
  controllers: [AccountsDownloadController],
  providers: [AccountsDownloadService, AccountLookupRepository, AccountDownloadPlanner],
  exports: [AccountDownloadPlanner],
})
export class AccountsDownloadModule {}
