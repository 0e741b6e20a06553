import { Client } from 'pg';
import { refreshFabaAwardSummary } from './faba-award-summary';

/**
 * npm run faba-summary [-- --database-url URL]: recomputes faba_award_summary, for whoever loads File C
 * (or its lookup tables) by other means than the seeders.
 */
async function main(): Promise<void> {
  const flag = process.argv.indexOf('--database-url');
  const databaseUrl = flag >= 0 ? process.argv[flag + 1] : process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL or pass --database-url');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query('BEGIN');
    const awards = await refreshFabaAwardSummary(client);
    await client.query('COMMIT');
    console.log(`faba_award_summary: ${awards} awards in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
