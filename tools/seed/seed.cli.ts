import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runSeed } from './seed-runner';

/**
 * npm run seed -- --awards N [--seed S] [--reset] [--database-url URL]
 * Applies pending migrations, loads reference data, then N synthetic awards (about 5 transactions
 * each) with subawards and account submissions. Prints rows/s per table.
 */
interface CliOptions {
  awards: number;
  seed: number;
  reset: boolean;
  databaseUrl: string;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const integer = (flag: string, fallback: number): number => {
    const raw = value(flag);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) throw new Error(`${flag} expects a non-negative integer, got "${raw}"`);
    return Number(raw);
  };
  const databaseUrl = value('--database-url') ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL or pass --database-url');
  return {
    awards: integer('--awards', 10_000),
    seed: integer('--seed', 1),
    reset: argv.includes('--reset'),
    databaseUrl,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dataSource = new DataSource({ ...dataSourceOptions(options.databaseUrl), entities: [] });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  // Four connections: the File C, transaction, award and subaward passes stream side by side.
  const clients = Array.from({ length: 4 }, () => new Client({ connectionString: options.databaseUrl }));
  await Promise.all(clients.map((client) => client.connect()));
  try {
    const report = await runSeed(clients, {
      awards: options.awards,
      seed: options.seed,
      reset: options.reset,
      dropIndexes: options.awards >= 50_000,
      log: (line) => console.log(line),
    });
    const rows = report.loads.reduce((total, load) => total + load.rows, 0);
    console.log(
      `total: ${rows} rows in ${report.totalSeconds.toFixed(1)} s (indexes ${report.indexSeconds.toFixed(1)} s)`,
    );
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
