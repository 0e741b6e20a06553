import { INestApplicationContext, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * A first run has something to download: a few thousand awards and a year of account submissions.
 * The synthetic generator is a development tool (tools/seed), loaded only when this start seeds.
 */
export async function seedOnFirstStart(app: INestApplicationContext): Promise<void> {
  if (!app.get(AppConfig).seedIfEmpty) return;
  const logger = new Logger('Seed');
  const started = Date.now();
  const { seedSmallDatasetIfEmpty } = await import('../../tools/seed/seed-small-dataset');
  const seeded = await seedSmallDatasetIfEmpty(app.get(DataSource));
  if (seeded)
    logger.log(`Loaded the small demonstration dataset in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
