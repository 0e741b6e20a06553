import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { seedSmallDatasetIfEmpty } from './seed-small-dataset';

/**
 * DATABASE_URL=... node dist/tools/seed/demo-seed.cli.js
 * Applies pending migrations and loads the small demonstration dataset, unless the database already holds
 * awards: safe to run on every `docker compose up`.
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL');
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), entities: [] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const started = Date.now();
    const seeded = await seedSmallDatasetIfEmpty(dataSource);
    console.log(
      seeded
        ? `Loaded the demonstration dataset in ${((Date.now() - started) / 1000).toFixed(1)} s`
        : 'The database already holds awards; nothing to load',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
