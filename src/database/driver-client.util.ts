import { DatabaseError, Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

/**
 * The pg pool under TypeORM's data source. The hot reads (status polls, counts, plans) use the driver
 * directly: TypeORM's query runner and entity hydration cost more CPU than those queries, and an expected
 * failure there (a count stopped by its timeout) is an answer, not an error for TypeORM's query log.
 */
export function driverPool(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/**
 * One pooled connection for `use`, given back afterwards; a connection that failed below SQL (the server
 * went away, the socket broke, the session was terminated) is closed instead, so the pool never hands it
 * out again. `use` lets only the driver's errors out (any other error also counts as a broken connection).
 */
export async function withDriverClient<T>(
  dataSource: DataSource,
  use: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await driverPool(dataSource).connect();
  let broken: Error | undefined;
  // A checked-out client's connection that drops emits 'error' on the client (the pool listens on idle
  // ones only): unheard, it would crash the process.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    return await use(client);
  } catch (error) {
    if (error instanceof Error && !isStatementError(error)) broken ??= error;
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** An error of one statement; FATAL and PANIC end the session itself (the socket closes a moment later). */
export function isStatementError(error: unknown): boolean {
  return error instanceof DatabaseError && error.severity !== 'FATAL' && error.severity !== 'PANIC';
}

/**
 * Runs `use` in a transaction that is always rolled back, after `settings` (SET LOCAL statements): they
 * end with it and never leak into the pooled connection. For reads only.
 */
export async function withLocalSettings<T>(
  client: PoolClient,
  settings: string,
  use: () => Promise<T>,
): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(settings);
    return await use();
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}
