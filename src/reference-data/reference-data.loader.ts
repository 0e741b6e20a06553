import { ClientBase } from 'pg';
import { copyRecord } from '../database/copy/csv-format.util';
import { upsertViaCopy } from '../database/copy/copy-in.util';
import { withTransaction } from '../database/copy/transaction.util';
import { accountTableLoads } from './account-reference.loader';
import { codeTableLoads } from './code-reference.loader';

/** One reference table's rows, ready for upsertViaCopy. */
export interface ReferenceTableLoad {
  readonly table: string;
  readonly key: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}

/**
 * Loads every reference table from data/reference in one transaction, parents before children.
 * Idempotent: rows are upserted on their natural or derived keys, so a second run changes nothing and
 * rows that submissions or awards reference are never deleted. Returns rows per table.
 */
export async function loadReferenceData(client: ClientBase): Promise<Record<string, number>> {
  return withTransaction(client, () => loadReferenceTables(client));
}

/** The same load on the caller's connection, inside the caller's transaction if it has one. */
export async function loadReferenceTables(client: ClientBase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const load of [...codeTableLoads(), ...accountTableLoads()]) {
    counts[load.table] = await upsertViaCopy(client, load.table, load.key, load.columns, records(load));
  }
  return counts;
}

function* records(load: ReferenceTableLoad): Generator<string> {
  for (const row of load.rows) yield copyRecord(row);
}
