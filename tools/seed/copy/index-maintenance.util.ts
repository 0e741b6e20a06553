import { ClientBase } from 'pg';

/**
 * Secondary indexes are dropped before a bulk load and rebuilt afterwards: building an index once over
 * sorted data is several times cheaper than maintaining it row by row during COPY. Constraint indexes
 * (primary and unique keys) stay. Definitions are parked in seed_dropped_index until rebuilt.
 */
export async function dropSecondaryIndexes(client: ClientBase, tables: readonly string[]): Promise<number> {
  await client.query(
    `INSERT INTO seed_dropped_index (index_name, table_name, definition)
     SELECT i.indexname, i.tablename, i.indexdef FROM pg_indexes AS i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conname = i.indexname)
     ON CONFLICT (index_name) DO NOTHING`,
    [tables],
  );
  const parked = await client.query<{ index_name: string }>(
    'SELECT index_name FROM seed_dropped_index WHERE table_name = ANY($1)',
    [tables],
  );
  for (const { index_name } of parked.rows)
    await client.query(`DROP INDEX IF EXISTS ${quoteName(index_name)}`);
  return parked.rowCount ?? 0;
}

/** Rebuilds every parked index, spreading the builds over the given connections (one CPU each). */
export async function rebuildParkedIndexes(clients: readonly ClientBase[]): Promise<string[]> {
  const parked = await clients[0].query<{ index_name: string; definition: string }>(
    'SELECT index_name, definition FROM seed_dropped_index ORDER BY table_name, index_name',
  );
  const queue = [...parked.rows];
  const built: string[] = [];
  await Promise.all(
    clients.map(async (client) => {
      await client.query("SET maintenance_work_mem = '512MB'");
      for (let next = queue.shift(); next; next = queue.shift()) {
        const definition = next.definition.replace(
          /^CREATE (UNIQUE )?INDEX /,
          'CREATE $1INDEX IF NOT EXISTS ',
        );
        await client.query(definition);
        await client.query('DELETE FROM seed_dropped_index WHERE index_name = $1', [next.index_name]);
        built.push(next.index_name);
      }
    }),
  );
  return built;
}

const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;
