import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from './bootstrap/logger-options';
import { AccountsDownloadModule } from './accounts-download/accounts-download.module';
import { AwardPageDownloadModule } from './award-page-download/award-page-download.module';
import { AwardsDownloadModule } from './awards-download/awards-download.module';
import { BulkDownloadModule } from './bulk-download/bulk-download.module';
import { CancelModule } from './cancel/cancel.module';
import { DisasterDownloadModule } from './disaster-download/disaster-download.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { GenerationModule } from './generation/generation.module';
import { WorkerModule } from './generation/worker.module';
import { HealthModule } from './health/health.module';
import { QueueModule } from './queue/queue.module';
import { StatusModule } from './status/status.module';
import { StorageModule } from './storage/storage.module';

export type ProcessRole = 'api' | 'worker';

/** The modular monolith: the API and the worker are the same code with different modules switched on. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, role: ProcessRole): DynamicModule {
    const infrastructure = [
      ConfigModule.forRoot(config),
      LoggerModule.forRoot(loggerOptions(config)),
      DatabaseModule.forRoot(databaseUrl, config.runMigrations, config.databaseConnectTimeoutMs),
      QueueModule.forRoot(config),
      StorageModule,
      GenerationModule,
    ];
    // Download feature modules also register their planners, which the worker needs to build files.
    const downloads = [
      AccountsDownloadModule,
      AwardsDownloadModule,
      AwardPageDownloadModule,
      DisasterDownloadModule,
      BulkDownloadModule,
    ];
    const features = role === 'api' ? [StatusModule, HealthModule, CancelModule, ...downloads] : downloads;
    const worker = role === 'worker' || config.runWorkerInApi ? [WorkerModule] : [];
    return { module: AppModule, imports: [...infrastructure, ...features, ...worker] };
  }
}
