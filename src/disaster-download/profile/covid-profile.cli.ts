import { Logger } from '@nestjs/common';
import { runCommand } from '../../pregenerated/command-runner.util';
import { CovidProfileCommandModule } from './covid-profile-command.module';
import { CovidProfileGeneratorService } from './covid-profile-generator.service';

/**
 * npm run covid-profile
 * Generates the pre-generated COVID-19 profile (all COVID-19 DEFCs) into the storage root, with the same
 * pipeline and settings as the API (DATABASE_URL, storage). Exits 1 when it could not be produced.
 */
void runCommand(
  'CovidProfile',
  () => CovidProfileCommandModule.forRoot(),
  async (app) => {
    const profile = await app.get(CovidProfileGeneratorService).generate();
    new Logger('CovidProfile').log(profile, 'COVID-19 profile generated');
    return true;
  },
);
