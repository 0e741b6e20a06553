import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClientBase, escapeIdentifier } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Records are joined into chunks of about this size: one stream write per record would dominate the CPU. */
const CHUNK_BYTES = 256 * 1024;

async function* chunked(records: Iterable<string> | AsyncIterable<string>, counter: { rows: number }) {
  let chunk = '';
  for await (const record of records) {
    chunk += record;
    counter.rows++;
    if (chunk.length >= CHUNK_BYTES) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Streams CSV records (see copyRecord) into `COPY table (columns) FROM STDIN`. The records are pulled
 * lazily, so a generator of any size runs in constant memory, with the socket's backpressure.
 * Returns the number of records sent.
 */
export async function copyIn(
  client: ClientBase,
  table: string,
  columns: readonly string[],
  records: Iterable<string> | AsyncIterable<string>,
): Promise<number> {
  const counter = { rows: 0 };
  const columnList = columns.map((column) => escapeIdentifier(column)).join(', ');
  const sql = `COPY ${escapeIdentifier(table)} (${columnList}) FROM STDIN WITH (FORMAT csv)`;
  await pipeline(Readable.from(chunked(records, counter)), client.query(copyFrom(sql)));
  return counter.rows;
}

/**
 * Idempotent bulk upsert: COPY into a temporary copy of the table, then INSERT ... ON CONFLICT DO UPDATE,
 * so loading the same file twice leaves the same rows (and rows other tables reference stay in place).
 */
export async function upsertViaCopy(
  client: ClientBase,
  table: string,
  key: readonly string[],
  columns: readonly string[],
  records: Iterable<string>,
): Promise<number> {
  const stage = escapeIdentifier(`stage_${table}`);
  const target = escapeIdentifier(table);
  await client.query(`DROP TABLE IF EXISTS ${stage}`);
  await client.query(`CREATE TEMP TABLE ${stage} (LIKE ${target} INCLUDING DEFAULTS)`);
  const rows = await copyIn(client, `stage_${table}`, columns, records);
  const list = columns.map((column) => escapeIdentifier(column)).join(', ');
  const updates = columns
    .filter((column) => !key.includes(column))
    .map((column) => `${escapeIdentifier(column)} = EXCLUDED.${escapeIdentifier(column)}`);
  const conflict = key.map((column) => escapeIdentifier(column)).join(', ');
  const action = updates.length ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
  await client.query(
    `INSERT INTO ${target} (${list}) SELECT ${list} FROM ${stage} ON CONFLICT (${conflict}) ${action}`,
  );
  await client.query(`DROP TABLE ${stage}`);
  return rows;
}
