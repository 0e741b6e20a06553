import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { prepareRuntime } from '../bootstrap/runtime';
import { dataSourceOptions } from '../database/data-source-options';
import { runImport } from './importer';
import { progressPrinter } from './import-progress.util';
import { ImportFileError } from './stage-copy.util';

const USAGE = 'usage: npm run import -- <file.zip|file.csv|folder>...';

/**
 * npm run import -- <file.zip|file.csv|folder>...
 * Loads USAspending prime transaction files (full and delta archives, custom downloads), subaward files and
 * treasury-account-level account files (Files A, B, C) into the service's database (DATABASE_URL, as the
 * service uses), in one transaction. Exits 2 on a usage error, 1 when the import was refused (nothing written).
 */
async function main(): Promise<void> {
  const paths = process.argv.slice(2);
  if (!paths.length || paths.some((path) => path.startsWith('-'))) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const runtime = await prepareRuntime('api');
  const dataSource = new DataSource({ ...dataSourceOptions(runtime.databaseUrl), entities: [] });
  const client = new Client({ connectionString: runtime.databaseUrl });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    await client.connect();
    const printer = progressPrinter(process.stderr);
    const report = await runImport(client, paths, printer.progress).finally(() => printer.done());
    for (const file of report.files)
      console.log(`${file.name}: ${file.rows.toLocaleString('en-US')} rows (${file.kind})`);
    const rows = report.files.reduce((sum, file) => sum + file.rows, 0);
    console.log(
      `imported ${rows.toLocaleString('en-US')} rows in ${report.seconds.toFixed(1)} s ` +
        `(${Math.round(rows / Math.max(report.seconds, 1e-3)).toLocaleString('en-US')} rows/s): ` +
        `${report.transactionsUpserted} transactions stored, ${report.transactionsDeleted} deleted, ` +
        `${report.awardsRefreshed} award summaries derived, ${report.awardsRemoved} removed, ${report.subawards} subawards, ${report.accountRows} account rows (Files A, B, C)`,
    );
  } catch (error) {
    process.stderr.write(
      `${error instanceof ImportFileError ? '' : 'import failed: '}${error instanceof Error ? error.message : String(error)}\nNothing was imported.\n`,
    );
    process.exitCode = 1;
  } finally {
    await client.end().catch(() => undefined);
    await runtime.stop();
  }
}

void main();
