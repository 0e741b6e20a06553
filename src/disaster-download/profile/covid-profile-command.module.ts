import { DynamicModule, Module } from '@nestjs/common';
import { GenerationModule } from '../../generation/generation.module';
import { PregeneratedModule } from '../../pregenerated/pregenerated.module';
import { DisasterDownloadPlanner } from '../disaster-download.planner';
import { DisasterLookupRepository } from '../disaster-lookup.repository';
import { CovidProfileGeneratorService } from './covid-profile-generator.service';

/** What `npm run covid-profile` needs besides the command basics: the disaster planner and lookups. */
@Module({})
export class CovidProfileCommandModule {
  static forRoot(): DynamicModule {
    return {
      module: CovidProfileCommandModule,
      imports: [GenerationModule, PregeneratedModule],
      providers: [DisasterLookupRepository, DisasterDownloadPlanner, CovidProfileGeneratorService],
    };
  }
}
