import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runImport } from '../../src/import/importer';
import { ensureTransactions, TRANSACTIONS_PER_AWARD } from './bench-data';
import { CATALOG_FILES, writeCatalogFiles } from './catalog-files';
import { verifyRoundTrip } from './import-verify';

/**
 * npm run bench:import: imports the full archives of ~1,000,000 seeded transactions (every fiscal year, all
 * agencies, contracts and assistance), their subaward files and the treasury-account-level Files A, B and C into
 * an empty database and prints rows/s and the process's peak RSS.
 * The source database is seeded (240,000 awards) and its files written once, then reused.
 * The time is the whole import, from reading the first header to the commit (search indexes built again
 * included). `--verify` then writes the imported database's files again and compares each file's lines
 * with the file imported (the round trip at this size).
 * Environment: BENCH_IMPORT_SOURCE_URL, BENCH_IMPORT_COPY_URL (dropped and recreated), BENCH_IMPORT_FOLDER.
 */
const SOURCE_URL =
  process.env.BENCH_IMPORT_SOURCE_URL ?? 'postgres://postgres@127.0.0.1:5432/usaspending_import_bench_source';
const COPY_URL =
  process.env.BENCH_IMPORT_COPY_URL ?? 'postgres://postgres@127.0.0.1:5432/usaspending_import_bench_copy';
const FOLDER = process.env.BENCH_IMPORT_FOLDER ?? '/tmp/usaspending-import-bench';
const AWARDS = 240_000;
const ROOT = join(__dirname, '..', '..');
/** Subaward and account files, beside the archives. */
const OTHER_FILES = join(FOLDER, 'other_files');

async function admin<T>(url: string, work: (client: Client, name: string) => Promise<T>): Promise<T> {
  const parsed = new URL(url);
  const client = new Client({ connectionString: url.replace(parsed.pathname, '/postgres') });
  await client.connect();
  try {
    return await work(client, parsed.pathname.slice(1));
  } finally {
    await client.end();
  }
}

/** Seeds the source database unless it holds the transactions, then writes whichever of its files are missing. */
async function ensureSource(): Promise<void> {
  const { seeded } = await ensureTransactions(SOURCE_URL, AWARDS * TRANSACTIONS_PER_AWARD);
  const archives = join(FOLDER, 'award_data_archive');
  if (!seeded && existsSync(archives) && readdirSync(archives).some((name) => name.endsWith('.zip')))
    console.log(`reusing the archives in ${archives}`);
  else {
    console.log('writing the full archives...');
    execFileSync(
      'npx',
      [
        'ts-node',
        '--transpile-only',
        join(ROOT, 'src/bulk-download/archives/archive.cli.ts'),
        '--full-only',
        '--agencies',
        'All',
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: SOURCE_URL, LOCAL_STORAGE_DIR: FOLDER, LOG_LEVEL: 'warn' },
      },
    );
  }
  if (!seeded && CATALOG_FILES.every(({ name }) => existsSync(join(OTHER_FILES, name))))
    console.log(`reusing the subaward and account files in ${OTHER_FILES}`);
  else {
    console.log('writing the subaward and account files...');
    await writeCatalogFiles(SOURCE_URL, OTHER_FILES);
  }
}

async function emptyCopy(): Promise<void> {
  await admin(COPY_URL, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS ${JSON.stringify(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${JSON.stringify(name)}`);
  });
  const dataSource = new DataSource({ ...dataSourceOptions(COPY_URL), entities: [] });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}

async function main(): Promise<void> {
  await ensureSource();
  await emptyCopy();
  const client = new Client({ connectionString: COPY_URL });
  await client.connect();
  // The lookups first, so the figure is the files' import alone.
  await client.query('BEGIN');
  const { loadReferenceTables } = await import('../../src/reference-data/reference-data.loader');
  await loadReferenceTables(client);
  await client.query('COMMIT');
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  let lastLog = 0;
  const report = await runImport(
    client,
    [join(FOLDER, 'award_data_archive'), OTHER_FILES],
    ({ index, count, rows }) => {
      if (Date.now() - lastLog < 10_000) return;
      lastLog = Date.now();
      console.log(`  file ${index + 1}/${count}: ${rows} rows`);
    },
  );
  await client.end();
  const rows = report.files.reduce((sum, file) => sum + file.rows, 0);
  console.log(
    `files: ${report.files.length}, rows: ${rows}, transactions stored: ${report.transactionsUpserted}`,
  );
  console.log(
    `award summaries derived: ${report.awardsRefreshed}, subawards: ${report.subawards}, account rows: ${report.accountRows}`,
  );
  const phases = Object.entries(report.phaseSeconds).map(([name, value]) => `${name} ${value.toFixed(1)} s`);
  console.log(
    `import: ${report.seconds.toFixed(1)} s start to commit, ${Math.round(rows / report.seconds)} rows/s (target >= 30000); ${phases.join(', ')}`,
  );
  console.log(
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (before the import: ${rssBefore.toFixed(0)} MiB)`,
  );
  if (!process.argv.includes('--verify')) return;
  console.log('round trip: writing the files of the imported database again...');
  const started = Date.now();
  const result = await verifyRoundTrip(
    COPY_URL,
    { archives: join(FOLDER, 'award_data_archive'), otherFiles: OTHER_FILES },
    join(FOLDER, 'verify'),
  );
  const elapsed = ((Date.now() - started) / 1000).toFixed(1);
  if (result.differences.length) {
    console.log(`round trip: ${result.differences.length} of ${result.files} files differ (${elapsed} s):`);
    for (const line of result.differences) console.log(`  ${line}`);
    process.exitCode = 1;
  } else
    console.log(
      `round trip: ${result.files} files, ${result.lines} lines, the same lines in every file (${elapsed} s)`,
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
