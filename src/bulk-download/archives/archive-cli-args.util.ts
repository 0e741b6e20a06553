import { ARCHIVE_AWARD_TYPES, ArchiveAwardType } from './archive-file-name.util';
import { ArchiveRunOptions } from './monthly-archive.types';

export const ARCHIVE_USAGE = `Usage: npm run archives -- [options]
  --fy <year[,year...]|all>        fiscal years of the full archives (default: every year with data)
  --agencies <code[,code...]>      toptier codes to produce; "All" is the every-agency archive (default: all)
  --types <contracts,assistance>   archive types (default: both)
  --since <YYYY-MM-DD>             start of the delta window (default: the previous delta run's day)
  --full-only | --delta-only       produce only one kind (default: both)`;

/** A command-line mistake: the message is shown with the usage. */
export class ArchiveArgsError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `--fy 2024`, `--fy=2023,2024`, `--fy all`, ... → run options. Unknown flags are refused, not ignored. */
export function parseArchiveArgs(argv: readonly string[]): ArchiveRunOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    if (name === '--full-only' || name === '--delta-only') flags.add(name);
    else if (['--fy', '--agencies', '--types', '--since'].includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new ArchiveArgsError(`${name} needs a value`);
      values.set(name, value);
    } else throw new ArchiveArgsError(`Unknown option ${argv[i]}`);
  }
  if (flags.size > 1) throw new ArchiveArgsError('--full-only and --delta-only exclude each other');
  const since = values.get('--since');
  if (since !== undefined && !DATE.test(since)) throw new ArchiveArgsError('--since must be YYYY-MM-DD');
  return {
    fiscalYears: fiscalYears(values.get('--fy')),
    agencyCodes: values.has('--agencies') ? list(values.get('--agencies')) : undefined,
    types: values.has('--types') ? archiveTypes(list(values.get('--types'))) : [...ARCHIVE_AWARD_TYPES],
    full: !flags.has('--delta-only'),
    delta: !flags.has('--full-only'),
    ...(since !== undefined ? { since } : {}),
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function fiscalYears(value: string | undefined): number[] | undefined {
  if (value === undefined || value.toLowerCase() === 'all') return undefined;
  return list(value).map((year) => {
    if (!/^\d{4}$/.test(year)) throw new ArchiveArgsError(`--fy: "${year}" is not a fiscal year`);
    return Number(year);
  });
}

function archiveTypes(names: readonly string[]): ArchiveAwardType[] {
  return names.map((name) => {
    const type = ARCHIVE_AWARD_TYPES.find((known) => known === name.toLowerCase());
    if (!type) throw new ArchiveArgsError(`--types: "${name}" is not contracts or assistance`);
    return type;
  });
}
