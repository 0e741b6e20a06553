import { Module } from '@nestjs/common';
import { GenerationModule } from '../../generation/generation.module';
import { StorageModule } from '../../storage/storage.module';
import { ToptierAgencyRepository } from '../agencies/toptier-agency.repository';
import { ArchiveGeneratorService } from './archive-generator.service';
import { ArchiveJobRepository } from './archive-job.repository';
import { ArchiveSourceRepository } from './archive-source.repository';
import { MonthlyArchiveService } from './monthly-archive.service';
import { MonthlyFilesService } from './monthly-files.service';

/**
 * The monthly archives: producing them (the archive command) and listing them (the API). Generation goes through
 * GenerationModule's pipeline, so whoever imports this module must also register the award planner.
 */
@Module({
  imports: [GenerationModule, StorageModule],
  providers: [
    ToptierAgencyRepository,
    ArchiveJobRepository,
    ArchiveSourceRepository,
    ArchiveGeneratorService,
    MonthlyArchiveService,
    MonthlyFilesService,
  ],
  exports: [ToptierAgencyRepository, MonthlyArchiveService, MonthlyFilesService],
})
export class ArchivesModule {}
