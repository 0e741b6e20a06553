/**
 * npx ts-node --transpile-only scripts/bench/print-download-sql.ts '<json body>' [transactions|awards]
 * Prints the SELECT of each file of a download (what the worker COPYs), to EXPLAIN by hand.
 */
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AwardDownloadPlanner } from '../../src/awards-download/award-download.planner';
import { normalizeAwardDownloadRequest } from '../../src/awards-download/request/award-download-request.util';
import { AppConfig } from '../../src/config/app-config';
import { DownloadJobEntity } from '../../src/database/entities/download-job.entity';
import { DownloadPlannerRegistry } from '../../src/generation/download-planner.registry';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL');
  const level = process.argv[3] === 'awards' ? 'awards' : 'transactions';
  const request = normalizeAwardDownloadRequest(JSON.parse(process.argv[2]), level);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const registry = new DownloadPlannerRegistry();
    new AwardDownloadPlanner(
      new AppConfig({ DATABASE_URL: databaseUrl, PERMALINK_HOST: 'www.usaspending.gov' }),
      registry,
      // The planner asks whether faba_award_summary is current; a pg client answers like the data source.
      client as unknown as DataSource,
    ).onModuleInit();
    const job = { requestType: 'award', jsonRequest: JSON.stringify(request) } as DownloadJobEntity;
    const plan = await registry.plan(job);
    for (const source of plan.sources) if (source.sql) console.log(`${source.sql};\n`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
