import { ClientBase } from 'pg';
import { DataSource } from 'typeorm';
import {
  journalAfterReplacing,
  journalBeforeReplacing,
} from '../../src/data-model/journal/seed-journal.util';
import { refreshFabaAwardSummary } from '../../src/data-model/faba-award-summary';
import { markDataLoaded } from '../../src/data-model/repositories/data-load-date.repository';
import { withTransaction } from '../../src/database/copy/transaction.util';
import { removeExampleAccountRows, seedExampleAccountRows } from './demo/example-account-rows';
import { loadReferenceTables } from '../../src/reference-data/reference-data.loader';
import { DEMO_AWARD_PINS } from './synthetic/demo-awards';
import { seedSynthetic, SYNTHETIC_TABLES, TableLoad } from './synthetic/synthetic-seeder';

export const SMALL_DATASET = {
  awards: 3000,
  seed: 20_240_901,
  submissionYears: [2022, 2022] as const,
  pinned: DEMO_AWARD_PINS,
};

/**
 * The first-run dataset: real reference data, a few thousand awards over FY2008–FY2026 and one fiscal
 * year (FY2022, which has both COVID-19 and IIJA spending) of account submissions, plus the few awards and
 * File C rows the documented example requests are about. Runs on the caller's
 * connection and inside the caller's transaction, if any.
 */
export async function seedSmallDatasetWith(client: ClientBase): Promise<TableLoad[]> {
  await loadReferenceTables(client);
  const firstJournalId = await journalBeforeReplacing(client);
  await client.query(`TRUNCATE ${SYNTHETIC_TABLES.join(', ')}`);
  await removeExampleAccountRows(client);
  const loads = await seedSynthetic([client], SMALL_DATASET);
  await seedExampleAccountRows(client);
  await journalAfterReplacing(client, firstJournalId);
  await markDataLoaded(client, ['reference', 'awards', 'accounts']);
  await refreshFabaAwardSummary(client);
  return loads;
}

/** Seeds the small dataset in one transaction (a failure leaves the database as it was). */
export async function seedSmallDataset(dataSource: DataSource): Promise<TableLoad[]> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as ClientBase;
  try {
    return await withTransaction(client, () => seedSmallDatasetWith(client));
  } finally {
    await runner.release();
  }
}

/** Zero-configuration start: seeds only a database without awards. Returns whether it seeded. */
export async function seedSmallDatasetIfEmpty(dataSource: DataSource): Promise<boolean> {
  const rows: unknown[] = await dataSource.query('SELECT 1 FROM award_search LIMIT 1');
  if (rows.length) return false;
  await seedSmallDataset(dataSource);
  return true;
}
