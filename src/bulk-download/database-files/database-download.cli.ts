import { Logger } from '@nestjs/common';
import { runCommand } from '../../pregenerated/command-runner.util';
import { DatabaseDownloadCommandModule } from './database-download-command.module';
import { DatabaseDownloadKind } from './database-download-names.util';
import { DatabaseDownloadProducerService } from './database-download-producer.service';

const USAGE = 'Usage: npm run database-download -- [--full-only | --subset-only]';

function kinds(argv: readonly string[]): DatabaseDownloadKind[] {
  if (argv.length === 0) return ['full', 'subset'];
  if (argv.length === 1 && argv[0] === '--full-only') return ['full'];
  if (argv.length === 1 && argv[0] === '--subset-only') return ['subset'];
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

/**
 * npm run database-download -- [--full-only | --subset-only]
 * Writes usaspending-db_<YYYYMMDD>.zip (every table) and/or usaspending-db-subset_<YYYYMMDD>.zip (the latest
 * fiscal year with awards and submissions) into the storage folder database_download/. Exits 1 on failure.
 */
const selected = kinds(process.argv.slice(2));
void runCommand(
  'DatabaseDownload',
  () => DatabaseDownloadCommandModule.forRoot(),
  async (app) => {
    for (const kind of selected) {
      const file = await app.get(DatabaseDownloadProducerService).produce(kind);
      new Logger('DatabaseDownload').log(file, 'Database download stored');
    }
    return true;
  },
);
