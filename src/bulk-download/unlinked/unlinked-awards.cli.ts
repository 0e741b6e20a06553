import { Logger } from '@nestjs/common';
import { runCommand } from '../../pregenerated/command-runner.util';
import { UnlinkedAwardsArchiveService } from './unlinked-awards-archive.service';
import { UnlinkedAwardsCommandModule } from './unlinked-awards-command.module';

const USAGE = 'Usage: npm run unlinked-archives -- [--agencies <toptier code>[,<toptier code>...]]';

/** `--agencies 020,097` → the codes; no option → every reporting agency. Anything else is a usage error. */
function parseAgencies(argv: readonly string[]): string[] | undefined {
  if (argv.length === 0) return undefined;
  const [name, inline] = argv[0].split(/=(.*)/s, 2);
  const value = inline ?? argv[1];
  const rest = argv.slice(inline === undefined ? 2 : 1);
  if (name !== '--agencies' || !value || value.startsWith('--') || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  return value
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/**
 * npm run unlinked-archives -- [--agencies 020,097]
 * Writes each agency's unlinked-awards archive into the storage folder unlinked_awards_downloads/ (same
 * DATABASE_URL and storage settings as the API). Exits 1 when any archive failed, 2 on a usage error.
 */
const agencies = parseAgencies(process.argv.slice(2));
void runCommand(
  'UnlinkedAwards',
  () => UnlinkedAwardsCommandModule.forRoot(),
  async (app) => {
    const report = await app.get(UnlinkedAwardsArchiveService).run(agencies);
    new Logger('UnlinkedAwards').log(
      { produced: report.produced.length, failed: report.failed, replaced: report.removed.length },
      'Unlinked-awards archives done',
    );
    return report.failed.length === 0;
  },
);
