import { prepareRuntime } from '../../bootstrap/runtime';
import { ARCHIVE_USAGE, ArchiveArgsError, parseArchiveArgs } from './archive-cli-args.util';
import { runArchiveCommand } from './archive-command.runner';

/**
 * npm run archives -- [--fy 2024] [--agencies 020,All] [--types contracts] [--since 2024-05-01] [--full-only]
 * Produces the monthly archives into the storage folder award_data_archive/ (see archive-cli-args.util.ts).
 * Exits 2 on a usage error, 1 when any archive failed.
 */
async function main(): Promise<void> {
  let options;
  try {
    options = parseArchiveArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArchiveArgsError)) throw error;
    process.stderr.write(`${error.message}\n${ARCHIVE_USAGE}\n`);
    process.exit(2);
  }
  const runtime = await prepareRuntime('api');
  try {
    const report = await runArchiveCommand(options, runtime.config, runtime.databaseUrl);
    process.exitCode = report.failed.length > 0 ? 1 : 0;
  } finally {
    await runtime.stop();
  }
}

void main();
