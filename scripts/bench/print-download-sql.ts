/**
 * npx ts-node --transpile-only scripts/bench/print-download-sql.ts '<json body>' [transactions|awards]
 * Prints the SELECT of each file of a download (what the worker COPYs), to EXPLAIN by hand.
 */
import { Client } from 'pg';
import { planAwardDownload } from './award-download-plan';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL');
  const level = process.argv[3] === 'awards' ? 'awards' : 'transactions';
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const plan = await planAwardDownload(client, databaseUrl, JSON.parse(process.argv[2]), level);
    for (const source of plan.sources) if (source.sql) console.log(`${source.sql};\n`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
