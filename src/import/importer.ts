import { ClientBase } from 'pg';
import { DataLoadType, markDataLoaded } from '../data-model/repositories/data-load-date.repository';
import { loadReferenceTables } from '../reference-data/reference-data.loader';
import { buildParentAwards } from '../data-model/parent-awards';
import { isFabaAwardSummaryCurrent, refreshFabaAwardSummary } from '../data-model/faba-award-summary';
import { applyAccountFile, createAccountStageTable, isAccountKey } from './account-import';
import { refreshTouchedAwards } from './award-summary.util';
import { BulkLoadMode, isBulkLoad, parkForBulkLoad, restoreAfterBulkLoad } from './bulk-indexes.util';
import { ImportFileKind, recognizeFile } from './import-file-kinds';
import { expandInputs, ImportInput } from './import-inputs.util';
import { ImportFileError, readHeader, stageFile } from './stage-copy.util';
import { createStageTable } from './stage-table.util';
import { applySubawardFile } from './subaward-import';
import { applyTransactionFile, createImportBookkeeping } from './transaction-import';

export interface ImportedFile {
  readonly name: string;
  readonly kind: string;
  readonly rows: number;
}

export interface ImportReport {
  readonly files: ImportedFile[];
  transactionsUpserted: number;
  transactionsDeleted: number;
  awardsRefreshed: number;
  awardsRemoved: number;
  subawards: number;
  /** Rows of treasury-account-level Files A, B and C stored. */
  accountRows: number;
  /** Indexes and foreign keys set aside for a bulk load and restored at its end (0 for an ordinary import). */
  indexesRebuilt: number;
  seconds: number;
  /** Where the time went: staging and applying the files, deriving award summaries, building indexes. */
  readonly phaseSeconds: { files: number; awards: number; indexes: number };
}

/** Progress of the running file: rows and bytes read so far. */
export type ImportProgress = (event: {
  file: ImportInput;
  index: number;
  count: number;
  rows: number;
  bytes: number;
}) => void;

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Applies full files first, then deltas oldest first (their names end with the date), then subawards, then
 * account files (File C links to the awards).
 */
function importOrder(kind: ImportFileKind): number {
  if (isAccountKey(kind.catalogKey)) return 3;
  if (kind.catalogKey.startsWith('sub_award')) return 2;
  return kind.delta ? 1 : 0;
}

/**
 * Imports the files behind `paths` in one transaction on `client`: every file is recognized by its header
 * first (an unknown one rejects the import before anything is written), then staged and applied in order;
 * award summaries and the IDV hierarchy are derived again at the end and the data is marked changed for the
 * same-request cache. Any error rolls everything back. `bulkLoad` chooses whether indexes and account foreign
 * keys are set aside during the load and restored at its end (by default: when the files are large and outweigh
 * what is stored).
 */
export async function runImport(
  client: ClientBase,
  paths: readonly string[],
  progress: ImportProgress = () => undefined,
  bulkLoad: BulkLoadMode = 'auto',
): Promise<ImportReport> {
  const started = process.hrtime.bigint();
  const inputs = await expandInputs(paths);
  if (!inputs.length) throw new ImportFileError(`No .csv, .tsv, .txt or .zip file in ${paths.join(', ')}`);
  const recognized: { input: ImportInput; kind: ImportFileKind }[] = [];
  for (const input of inputs) {
    const kind = recognizeFile(await readHeader(input));
    if (typeof kind === 'string') throw new ImportFileError(`${input.name}: cannot be imported: ${kind}`);
    recognized.push({ input, kind });
  }
  recognized.sort((a, b) => importOrder(a.kind) - importOrder(b.kind) || compareDeltaNames(a, b));
  const report: ImportReport = {
    files: [],
    transactionsUpserted: 0,
    transactionsDeleted: 0,
    awardsRefreshed: 0,
    awardsRemoved: 0,
    subawards: 0,
    accountRows: 0,
    indexesRebuilt: 0,
    seconds: 0,
    phaseSeconds: { files: 0, awards: 0, indexes: 0 },
  };
  await useLargeTempBuffers(client);
  await client.query('BEGIN');
  try {
    // The sorts and hashes over whole files (duplicate keys, award keys, award summaries) stay in memory.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    // The lookups the derived columns need (agencies, codes, accounts): the project's reference data.
    const agencies = await client.query('SELECT 1 FROM agency LIMIT 1');
    if (!agencies.rowCount) await loadReferenceTables(client);
    await createImportBookkeeping(client);
    const bytes = recognized.reduce((sum, { input }) => sum + input.bytes, 0);
    const parked = (await isBulkLoad(client, bytes, bulkLoad)) ? await parkForBulkLoad(client) : [];
    let awardsFresh = true;
    let fileCLoaded = false;
    for (const [index, { input, kind }] of recognized.entries()) {
      if (!kind.catalogKey.startsWith('transaction') && !awardsFresh) {
        await refreshAwards(client, report);
        awardsFresh = true;
      }
      const fileFrom = process.hrtime.bigint();
      let staged: Awaited<ReturnType<typeof createStageTable>>['staged'] = [];
      const result = await stageFile(
        client,
        input,
        async (headers) => {
          if (isAccountKey(kind.catalogKey)) return createAccountStageTable(client, kind.catalogKey, headers);
          const stage = await createStageTable(client, kind.catalogKey, headers);
          staged = stage.staged;
          return stage.plan;
        },
        (rows, bytes) => progress({ file: input, index, count: recognized.length, rows, bytes }),
      );
      if (kind.catalogKey === 'transaction.d1' || kind.catalogKey === 'transaction.d2') {
        const [upserted, deleted] = await applyTransactionFile(
          client,
          kind.catalogKey,
          staged,
          kind.delta,
          input.name,
          result.lineOf,
        );
        report.transactionsUpserted += upserted;
        report.transactionsDeleted += deleted;
        awardsFresh = false;
      } else if (isAccountKey(kind.catalogKey)) {
        report.accountRows += await applyAccountFile(client, kind.catalogKey, input.name, result.lineOf);
        fileCLoaded ||= kind.catalogKey === 'award_financial.treasury_account';
      } else {
        report.subawards += await applySubawardFile(client, staged, input.name, result.lineOf);
      }
      report.files.push({ name: input.name, kind: kind.label, rows: result.rows });
      report.phaseSeconds.files += seconds(fileFrom);
    }
    if (!awardsFresh) await refreshAwards(client, report);
    const indexesFrom = process.hrtime.bigint();
    await restoreAfterBulkLoad(client, parked);
    report.phaseSeconds.indexes = seconds(indexesFrom);
    report.indexesRebuilt = parked.length;
    await client.query('TRUNCATE parent_award');
    await buildParentAwards(client);
    // Award rows changed under File C: the precomputed per-award values follow, or downloads compute them live.
    if (fileCLoaded || !(await isFabaAwardSummaryCurrent(client))) await refreshFabaAwardSummary(client);
    await markDataLoaded(client, loadTypes(recognized));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // Again after the commit: a download started while the import ran read the old data and must not be reused.
  await markDataLoaded(client, loadTypes(recognized));
  // Statistics are left to autovacuum, which analyzes a table after inserts of a tenth of its rows: an explicit
  // ANALYZE of the ~300-column transaction table took a fifth of a bulk import.
  report.seconds = seconds(started);
  return report;
}

/**
 * Each file is staged in a temporary table, read several times (checks, award keys, the upsert). With the default
 * 8 MB of local buffers a file's staging table is written out and read back on every pass; 256 MB hold a large
 * file. The setting is only accepted before the session's first temporary table: a client that already
 * imported keeps what it has.
 */
async function useLargeTempBuffers(client: ClientBase): Promise<void> {
  await client.query(`SET temp_buffers = '256MB'`).catch(() => undefined);
}

async function refreshAwards(client: ClientBase, report: ImportReport): Promise<void> {
  const from = process.hrtime.bigint();
  const [refreshed, removed] = await refreshTouchedAwards(client);
  report.phaseSeconds.awards += seconds(from);
  report.awardsRefreshed += refreshed;
  report.awardsRemoved += removed;
  await client.query('TRUNCATE import_touched_award');
}

function loadTypes(files: readonly { kind: ImportFileKind }[]): DataLoadType[] {
  return files.some(({ kind }) => isAccountKey(kind.catalogKey)) ? ['awards', 'accounts'] : ['awards'];
}

function compareDeltaNames(a: { input: ImportInput }, b: { input: ImportInput }): number {
  return a.input.name < b.input.name ? -1 : a.input.name > b.input.name ? 1 : 0;
}
