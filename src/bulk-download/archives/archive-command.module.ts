import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AwardDownloadPlanner } from '../../awards-download/award-download.planner';
import { loggerOptions } from '../../bootstrap/logger-options';
import { AppConfig } from '../../config/app-config';
import { ConfigModule } from '../../config/config.module';
import { DatabaseModule } from '../../database/database.module';
import { GenerationModule } from '../../generation/generation.module';
import { ArchivesModule } from './archives.module';

/**
 * The archive command's application context: database, storage and the generation pipeline with the award
 * planner, and nothing that serves HTTP or consumes the queue (the command generates its own jobs in-process).
 */
@Module({})
export class ArchiveCommandModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: ArchiveCommandModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule.forRoot(databaseUrl, config.runMigrations, config.databaseConnectTimeoutMs),
        GenerationModule,
        ArchivesModule,
      ],
      // Registers itself with the planner registry: archives are `request_type: award` jobs.
      providers: [AwardDownloadPlanner],
    };
  }
}
