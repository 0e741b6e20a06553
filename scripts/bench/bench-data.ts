import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';

/** The synthetic generator makes about this many transactions per award. */
export const TRANSACTIONS_PER_AWARD = 4.242;

/**
 * Makes sure the benchmark database exists and holds at least `transactions` transactions: reuses
 * them (after applying pending migrations, so new indexes exist) or seeds afresh. Returns the count, and whether
 * it seeded (what was made from the earlier data is stale then).
 */
export async function ensureTransactions(
  databaseUrl: string,
  transactions: number,
): Promise<{ transactions: number; seeded: boolean }> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  const admin = new Client({ connectionString: databaseUrl.replace(url.pathname, '/postgres') });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${JSON.stringify(name)}`);
  await admin.end();
  const found = await countTransactions(databaseUrl);
  if (found >= transactions * 0.98) {
    const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), entities: [] });
    await dataSource.initialize();
    // Pending migrations now, not in the API at its start: an index build on 1M rows outlasts its health wait.
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    if (applied.length) console.log(`applied ${applied.map((migration) => migration.name).join(', ')}`);
    console.log(`reusing ${found.toLocaleString()} transactions in ${name}`);
    return { transactions: found, seeded: false };
  }
  const awards = Math.ceil(transactions / TRANSACTIONS_PER_AWARD);
  console.log(
    `seeding ${awards.toLocaleString()} awards (~${transactions.toLocaleString()} transactions)...`,
  );
  const seedCli = join(__dirname, '..', '..', 'tools', 'seed', 'seed.cli.ts');
  execFileSync(
    'npx',
    [
      'ts-node',
      '--transpile-only',
      seedCli,
      '--awards',
      String(awards),
      '--reset',
      '--database-url',
      databaseUrl,
    ],
    { stdio: 'inherit' },
  );
  return { transactions: await countTransactions(databaseUrl), seeded: true };
}

async function countTransactions(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client
      .query<{ n: string }>('SELECT count(*) AS n FROM transaction_search')
      .then((result) => Number(result.rows[0].n))
      .catch(() => 0);
  } finally {
    await client.end();
  }
}

/** Value at quantile q (0..1) of the samples, nearest rank. */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
