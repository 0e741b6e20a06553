import { ClientBase, escapeIdentifier } from 'pg';

const SEARCH_TABLES = ['transaction_search', 'award_search', 'subaward_search'];
/** Files A, B and C: their rows are checked against five lookup tables each, one trigger call per key and row. */
const ACCOUNT_TABLES = [
  'appropriation_account_balances',
  'financial_accounts_by_program_activity_object_class',
  'financial_accounts_by_awards',
];

/** Inputs at least this large, and larger than the stored transactions, load without the search indexes. */
const BULK_BYTES = 256 * 1024 * 1024;

/** `auto`: a bulk load when the inputs are large and outweigh what is stored; the others force the choice. */
export type BulkLoadMode = 'auto' | 'always' | 'never';

/**
 * Whether an import is a bulk load: maintaining some thirty search indexes row by row makes inserts several times
 * slower than building them once at the end, which pays off when the files outweigh what is stored.
 */
export async function isBulkLoad(
  client: ClientBase,
  inputBytes: number,
  mode: BulkLoadMode = 'auto',
): Promise<boolean> {
  if (mode !== 'auto') return mode === 'always';
  if (inputBytes < BULK_BYTES) return false;
  const size = await client.query<{ bytes: string }>(
    `SELECT pg_total_relation_size('transaction_search') AS bytes`,
  );
  return inputBytes > Number(size.rows[0].bytes);
}

/**
 * Sets aside, inside the import's transaction, what a bulk load would maintain row by row: the non-unique
 * secondary indexes of the search and account tables, and the foreign keys of the account tables (checked
 * again, once per key over the whole table, when they are added back: half the cost of inserting a File C
 * row was its five key checks). Unique indexes stay: upserts infer them. Returns the statements that restore
 * everything, indexes first. The tables stay locked until the import commits (downloads wait); a failed
 * import rolls the drops back with everything else.
 */
export async function parkForBulkLoad(client: ClientBase): Promise<string[]> {
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes AS i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND i.indexdef NOT LIKE 'CREATE UNIQUE %'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conname = i.indexname)
     ORDER BY i.tablename, i.indexname`,
    [[...SEARCH_TABLES, ...ACCOUNT_TABLES]],
  );
  const foreignKeys = await client.query<{ table_name: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint AS c
     WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
     ORDER BY c.conrelid::regclass::text, c.conname`,
    [ACCOUNT_TABLES],
  );
  for (const { name } of indexes.rows) await client.query(`DROP INDEX ${escapeIdentifier(name)}`);
  for (const { table_name, name } of foreignKeys.rows)
    await client.query(`ALTER TABLE ${table_name} DROP CONSTRAINT ${escapeIdentifier(name)}`);
  return [
    ...indexes.rows.map((row) => row.definition),
    ...foreignKeys.rows.map(
      ({ table_name, name, definition }) =>
        `ALTER TABLE ${table_name} ADD CONSTRAINT ${escapeIdentifier(name)} ${definition}`,
    ),
  ];
}

/**
 * Runs the statements parkForBulkLoad returned. Memory enough for each index build to sort in memory, and
 * parallel workers for the B-tree builds (they share the import's transaction, so they see its rows; GIN
 * builds run alone). A row that breaks a foreign key fails the import here, naming the constraint.
 */
export async function restoreAfterBulkLoad(client: ClientBase, statements: readonly string[]): Promise<void> {
  await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
  await client.query(`SET LOCAL max_parallel_maintenance_workers = 2`);
  for (const statement of statements) await client.query(statement);
}
