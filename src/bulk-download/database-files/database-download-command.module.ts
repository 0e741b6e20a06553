import { DynamicModule, Module } from '@nestjs/common';
import { GenerationModule } from '../../generation/generation.module';
import { PregeneratedModule } from '../../pregenerated/pregenerated.module';
import { DatabaseDownloadProducerService } from './database-download-producer.service';
import { DatabaseDownloadPlanner } from './database-download.planner';
import { DatabaseTablesRepository } from './database-tables.repository';

/** What `npm run database-download` needs besides the command basics. */
@Module({})
export class DatabaseDownloadCommandModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseDownloadCommandModule,
      imports: [GenerationModule, PregeneratedModule],
      providers: [DatabaseTablesRepository, DatabaseDownloadPlanner, DatabaseDownloadProducerService],
    };
  }
}
