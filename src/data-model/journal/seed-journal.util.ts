import { ClientBase } from 'pg';
import { JOURNAL_COLUMNS, JOURNAL_VALUES } from '../../database/migrations/1764000000700-change-journal';

/**
 * TRUNCATE fires no row or DELETE trigger, so a reload that replaces every transaction journals what it drops
 * itself: every transaction is journaled before the reload (`before`), and the journal rows of keys the reload
 * stored again are removed after it (`after`). Both run on the caller's connection and transaction.
 */
export async function journalBeforeReplacing(client: ClientBase): Promise<string> {
  const first = await client.query<{ next: string }>(
    `SELECT coalesce(max(journal_id), 0) + 1 AS next FROM transaction_delete_journal`,
  );
  await client.query(
    `INSERT INTO transaction_delete_journal (${JOURNAL_COLUMNS}) SELECT ${JOURNAL_VALUES} FROM transaction_search`,
  );
  return first.rows[0].next;
}

/** Drops the journal rows from `firstId` on whose transaction exists again; returns how many stay journaled. */
export async function journalAfterReplacing(client: ClientBase, firstId: string): Promise<number> {
  for (const [isFpds, keyColumn] of [
    [true, 'detached_award_proc_unique'],
    [false, 'afa_generated_unique'],
  ] as const)
    await client.query(
      `DELETE FROM transaction_delete_journal AS j USING transaction_search AS t
       WHERE j.journal_id >= $1 AND j.is_fpds = $2 AND t.is_fpds = $2 AND t.${keyColumn} = j.transaction_unique_key`,
      [firstId, isFpds],
    );
  const kept = await client.query<{ count: string }>(
    'SELECT count(*) AS count FROM transaction_delete_journal WHERE journal_id >= $1',
    [firstId],
  );
  return Number(kept.rows[0].count);
}
