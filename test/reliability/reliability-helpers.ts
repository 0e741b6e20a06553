import { execFile } from 'node:child_process';
import { chmod, readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { queueProbeJobNamed, uniqueJobName } from '../support/jobs';

const run = promisify(execFile);

export interface JobRow {
  status: string;
  message: string | null;
  attempts: number;
  rows: number | null;
}

/** Creates and queues a probe job whose SQL may mention its own file name (to behave per attempt). */
export async function queueJob(app: INestApplication, sql: (fileName: string) => string): Promise<string> {
  const fileName = uniqueJobName('Reliability');
  return queueProbeJobNamed(app, fileName, { file_format: 'csv', sql: sql(fileName) });
}

/**
 * `rows` rows that take about `seconds` to produce (a pause every 100 rows), optionally only while the job
 * is on its first attempt, so a retry runs at full speed.
 */
export function slowRows(rows: number, seconds: number, fileName?: string): string {
  const pause = (seconds / (rows / 100)).toFixed(4);
  const firstAttempt = fileName
    ? ` AND (SELECT attempt_count FROM download_job WHERE file_name = '${fileName}') = 1`
    : '';
  return `SELECT n AS id, md5(n::text) AS digest,
            CASE WHEN n % 100 = 0${firstAttempt} THEN pg_sleep(${pause}) END AS nap
          FROM generate_series(1, ${rows}) AS n`;
}

export async function jobRow(dataSource: DataSource, fileName: string): Promise<JobRow> {
  const [row] = await dataSource.query<
    { name: string; error_message: string | null; attempt_count: number; number_of_rows: string | null }[]
  >(
    `SELECT s.name, j.error_message, j.attempt_count, j.number_of_rows
     FROM download_job j JOIN job_status s USING (job_status_id) WHERE j.file_name = $1`,
    [fileName],
  );
  return {
    status: row.name,
    message: row.error_message,
    attempts: row.attempt_count,
    rows: row.number_of_rows === null ? null : Number(row.number_of_rows),
  };
}

/** Polls the job row (not the API, which may itself be affected by the fault) until `done` holds. */
export async function waitForRow(
  dataSource: DataSource,
  fileName: string,
  done: (row: JobRow) => boolean,
  timeoutMs = 45_000,
): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await jobRow(dataSource, fileName);
    if (done(row)) return row;
    if (Date.now() > deadline)
      throw new Error(`job ${fileName} still ${JSON.stringify(row)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const isOver = (row: JobRow): boolean => row.status === 'finished' || row.status === 'failed';

/**
 * Makes a folder refuse new files, renames and removals. Root ignores permission bits, so root sets the
 * immutable attribute instead (files already open can still be written, as with a real outage mid-write).
 */
export async function makeUnwritable(dir: string): Promise<void> {
  if (process.getuid?.() === 0) await run('chattr', ['+i', dir]);
  else await chmod(dir, 0o555);
}

export async function makeWritable(dir: string): Promise<void> {
  if (process.getuid?.() === 0) await run('chattr', ['-i', dir]);
  else await chmod(dir, 0o755);
}

/** Entries of a storage folder that are not finished zips (temp files of unfinished writes). */
export async function partialFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.partial'));
}
