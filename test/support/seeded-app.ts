import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { seedSmallDatasetIfEmpty } from '../../tools/seed/seed-small-dataset';
import { flushTestRedis } from './redis';
import { createTestApp } from './test-app';
import { openMigratedDataSource } from './test-database';

export interface SeededApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  storageDir: string;
}

/** The real app over the test database holding the small synthetic dataset (loaded once, then kept). */
export async function createSeededApp(env: Record<string, string> = {}): Promise<SeededApp> {
  await flushTestRedis();
  const dataSource = await openMigratedDataSource();
  await seedSmallDatasetIfEmpty(dataSource);
  const storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
  const { app } = await createTestApp({ LOCAL_STORAGE_DIR: storageDir, ...env });
  return { app, dataSource, storageDir };
}

/** Closes what createSeededApp opened: the app, then the test's own connection. */
export async function closeSeededApp(seeded: SeededApp | undefined): Promise<void> {
  await seeded?.app.close();
  await seeded?.dataSource.destroy();
}
