import { ClientBase } from 'pg';

/** Runs `work` in one transaction on this client: committed if it resolves, rolled back if it throws. */
export async function withTransaction<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
