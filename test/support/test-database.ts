import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';

function provided(name: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL'): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the integration tests through Jest (npm test), whose global setup provides it.`,
    );
  return value;
}

/** The run's PostgreSQL database, provided by the global setup (test/support/global-setup.ts). */
export const TEST_DATABASE_URL = provided('TEST_DATABASE_URL');

/** The run's Redis database; tests may flush it. */
export const TEST_REDIS_URL = provided('TEST_REDIS_URL');

/** Opens a DataSource on the test database with every migration applied. */
export async function openMigratedDataSource(): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(TEST_DATABASE_URL));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
