import { escapeLiteral } from 'pg';
import { ClientBase } from 'pg';
import {
  journalAfterReplacing,
  journalBeforeReplacing,
} from '../../src/data-model/journal/seed-journal.util';
import { refreshFabaAwardSummary } from '../../src/data-model/faba-award-summary';
import { markDataLoaded } from '../../src/data-model/repositories/data-load-date.repository';
import { dropSecondaryIndexes, rebuildParkedIndexes } from './copy/index-maintenance.util';
import { withTransaction } from '../../src/database/copy/transaction.util';
import { removeExampleAccountRows } from './demo/example-account-rows';
import { loadReferenceTables } from '../../src/reference-data/reference-data.loader';
import { seedSynthetic, SYNTHETIC_TABLES, TableLoad } from './synthetic/synthetic-seeder';

export interface SeedRunOptions {
  readonly awards: number;
  readonly seed: number;
  /** Replace existing synthetic data; without it a non-empty database is refused. */
  readonly reset: boolean;
  /** Drop secondary indexes during the load and rebuild them after (worth it from ~50k awards). */
  readonly dropIndexes: boolean;
  readonly submissionYears?: readonly [number, number];
  readonly log?: (line: string) => void;
}

export interface SeedReport {
  readonly loads: TableLoad[];
  readonly referenceSeconds: number;
  readonly indexSeconds: number;
  readonly totalSeconds: number;
}

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Reference data (idempotent upsert) + synthetic data (replaced). Each client is one connection; the
 * award-side tables stream in parallel over them and index builds use the first two.
 */
export async function runSeed(clients: readonly ClientBase[], options: SeedRunOptions): Promise<SeedReport> {
  const log = options.log ?? (() => undefined);
  const started = process.hrtime.bigint();
  const [main] = clients;
  for (const client of clients) await client.query('SET synchronous_commit = off');
  // A previous run killed during its load left indexes parked: restore them before anything else.
  await rebuildParkedIndexes(clients.slice(0, 2));
  const referenceStarted = process.hrtime.bigint();
  const reference = await withTransaction(main, () => loadReferenceTables(main));
  const referenceSeconds = seconds(referenceStarted);
  log(
    `reference data: ${Object.values(reference).reduce((a, b) => a + b, 0)} rows in ${referenceSeconds.toFixed(1)} s`,
  );
  const existing = await main.query('SELECT 1 FROM award_search LIMIT 1');
  if (existing.rowCount && !options.reset) {
    throw new Error('The database already holds awards; rerun with --reset to replace them');
  }
  // Replaced transactions that the new data lacks are deletions: the next delta archive lists them.
  const firstJournalId = await journalBeforeReplacing(main);
  await main.query(`TRUNCATE ${SYNTHETIC_TABLES.join(', ')}`);
  // The demonstration dataset's example accounts would otherwise be drawn on like real ones.
  await removeExampleAccountRows(main);
  if (options.dropIndexes)
    log(`dropped ${await dropSecondaryIndexes(main, SYNTHETIC_TABLES)} secondary indexes`);
  const loads = await seedSynthetic(clients, {
    awards: options.awards,
    seed: options.seed,
    submissionYears: options.submissionYears,
  });
  for (const load of loads) {
    log(
      `${load.table.padEnd(52)} ${String(load.rows).padStart(9)} rows ${load.seconds.toFixed(1).padStart(6)} s ${Math.round(
        load.rows / Math.max(load.seconds, 1e-3),
      )
        .toString()
        .padStart(8)} rows/s`,
    );
  }
  const indexStarted = process.hrtime.bigint();
  if (options.dropIndexes)
    log(
      `rebuilt ${(await rebuildParkedIndexes(clients.slice(0, 2))).length} indexes in ${seconds(indexStarted).toFixed(1)} s`,
    );
  const indexSeconds = seconds(indexStarted);
  const journaled = await journalAfterReplacing(main, firstJournalId);
  if (journaled) log(`journaled ${journaled} deleted transactions`);
  // VACUUM, not only ANALYZE: it sets the visibility map, without which a count over many rows cannot be
  // an index-only scan and visits every matching heap page.
  await Promise.all(
    clients
      .slice(0, 2)
      .map((client, i) =>
        client.query(`VACUUM (ANALYZE) ${SYNTHETIC_TABLES.filter((_, t) => t % 2 === i).join(', ')}`),
      ),
  );
  // Lookup tables too: without statistics the planner rescans them once per award in File C joins.
  await main.query(`DO $$ DECLARE t text; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
      AND tablename <> ALL (${escapeLiteral(`{${SYNTHETIC_TABLES.join(',')}}`)}::text[])
    LOOP EXECUTE format('ANALYZE %I', t); END LOOP; END $$`);
  await markDataLoaded(main, ['reference', 'awards', 'accounts']);
  const summaryStarted = process.hrtime.bigint();
  const summarized = await refreshFabaAwardSummary(main);
  log(`faba_award_summary: ${summarized} awards in ${seconds(summaryStarted).toFixed(1)} s`);
  return { loads, referenceSeconds, indexSeconds, totalSeconds: seconds(started) };
}
