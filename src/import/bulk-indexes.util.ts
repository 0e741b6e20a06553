import { ClientBase } from 'pg';

const SEARCH_TABLES = ['transaction_search', 'award_search', 'subaward_search'];

/** Inputs at least this large, and larger than the stored transactions, load without the search indexes. */
const BULK_BYTES = 256 * 1024 * 1024;

/**
 * Whether an import is a bulk load: maintaining some thirty search indexes row by row makes inserts several times
 * slower than building them once at the end, which pays off when the files outweigh what is stored.
 */
export async function isBulkLoad(client: ClientBase, inputBytes: number): Promise<boolean> {
  if (inputBytes < BULK_BYTES) return false;
  const size = await client.query<{ bytes: string }>(
    `SELECT pg_total_relation_size('transaction_search') AS bytes`,
  );
  return inputBytes > Number(size.rows[0].bytes);
}

/**
 * Drops the non-unique secondary indexes of the search tables inside the import's transaction and returns their
 * definitions. Unique indexes stay: upserts infer them. The tables stay locked until the import commits
 * (downloads wait); a failed import rolls the drop back with everything else.
 */
export async function dropSearchIndexes(client: ClientBase): Promise<string[]> {
  const found = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes AS i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND i.indexdef NOT LIKE 'CREATE UNIQUE %'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conname = i.indexname)`,
    [SEARCH_TABLES],
  );
  for (const { name } of found.rows) await client.query(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return found.rows.map((row) => row.definition);
}

/**
 * Builds the dropped indexes again. Memory enough for each build to sort in memory, and parallel workers for the
 * B-tree builds (they share the import's transaction, so they see its rows; GIN builds run alone).
 */
export async function rebuildIndexes(client: ClientBase, definitions: readonly string[]): Promise<void> {
  await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
  await client.query(`SET LOCAL max_parallel_maintenance_workers = 2`);
  for (const definition of definitions) await client.query(definition);
}
