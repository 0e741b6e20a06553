import { DynamicModule, Module } from '@nestjs/common';
import { GenerationModule } from '../../generation/generation.module';
import { PregeneratedModule } from '../../pregenerated/pregenerated.module';
import { UnlinkedAgencyRepository } from './unlinked-agency.repository';
import { UnlinkedAwardsArchiveService } from './unlinked-awards-archive.service';
import { UnlinkedAwardsPlanner } from './unlinked-awards.planner';

/** What `npm run unlinked-archives` needs besides the command basics. */
@Module({})
export class UnlinkedAwardsCommandModule {
  static forRoot(): DynamicModule {
    return {
      module: UnlinkedAwardsCommandModule,
      imports: [GenerationModule, PregeneratedModule],
      providers: [UnlinkedAgencyRepository, UnlinkedAwardsPlanner, UnlinkedAwardsArchiveService],
    };
  }
}
