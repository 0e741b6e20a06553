import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';

/** Real PostgreSQL for integration tests; .ci/run creates this database. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/usaspending_download_test';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/5';

/** Opens a DataSource on the test database with every migration applied. */
export async function openMigratedDataSource(): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(TEST_DATABASE_URL));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
