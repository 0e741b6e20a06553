import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { DownloadJobEntity } from './entities/download-job.entity';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { AgencyEntity } from '../data-model/entities/agency.entity';
import { FederalAccountEntity } from '../data-model/entities/federal-account.entity';
import { SubtierAgencyEntity } from '../data-model/entities/subtier-agency.entity';
import { ToptierAgencyEntity } from '../data-model/entities/toptier-agency.entity';

/** Injection token of the resolved connection string (configured, or the embedded server's). */
export const DATABASE_URL = Symbol('DATABASE_URL');

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string, runMigrations: boolean, connectTimeoutMs?: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, connectTimeoutMs),
          migrationsRun: runMigrations,
        }),
        TypeOrmModule.forFeature([
          DownloadJobEntity,
          ToptierAgencyEntity,
          SubtierAgencyEntity,
          AgencyEntity,
          FederalAccountEntity,
        ]),
      ],
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }, DownloadJobRepository],
      exports: [DATABASE_URL, DownloadJobRepository, TypeOrmModule],
    };
  }
}
