import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Client, Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Readable } from 'node:stream';
import { AppConfig } from '../config/app-config';
import { DATABASE_URL } from '../database/database.module';

export interface CopyStream {
  stream: Readable;
  /** The server process running the COPY (pg_stat_activity.pid), for the stall watchdog. */
  backendPid: number;
  /** Returns the connection; pass the error when the COPY did not finish, so the connection is dropped. */
  release(error?: Error): void;
}

const COPY_DELIMITERS = { ',': "','", '\t': "E'\\t'", '|': "'|'" } as const;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Settings of every COPY connection. The reference allows a download query 6 hours and 128 MB of sort
 * memory (federal-account aggregations spill to disk at PostgreSQL's 4 MB default). JIT is off: compiling
 * a 300-column SELECT costs seconds and a COPY gains nothing from it. Rows come out in the same order on
 * every run, so a row-limited file always holds the same rows: no parallel workers (a Gather interleaves
 * their rows at random; a download's files run side by side instead, see ParallelCopies) and no
 * synchronized scans (a scan joining another one of the same table would start in its middle).
 */
export const COPY_SESSION_OPTIONS = [
  '-c statement_timeout=21600000',
  '-c work_mem=128MB',
  '-c jit=off',
  '-c max_parallel_workers_per_gather=0',
  '-c synchronize_seqscans=off',
].join(' ');

/**
 * Raw `COPY (SELECT ...) TO STDOUT` streams on a pool of their own, so long downloads never starve
 * the API's TypeORM pool. The SELECT comes from a planner and holds no unescaped user input.
 */
@Injectable()
export class CopyStreamRepository implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    config: AppConfig,
  ) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      // Every download slot may run COPY_PARALLELISM COPYs at once (ParallelCopies), plus one stall probe.
      max: (config.workerConcurrency + config.fastLaneConcurrency) * config.copyParallelism + 1,
      application_name: 'usaspending-download-copy',
      // A server that does not accept the connection in time counts as down (the attempt is retried).
      connectionTimeoutMillis: config.databaseConnectTimeoutMs,
      // Lets the operating system notice a peer that vanished without closing the connection.
      keepAlive: true,
      options: COPY_SESSION_OPTIONS,
    });
    // An idle pooled connection the server dropped (restart, pg_terminate_backend) is simply discarded.
    this.pool.on('error', () => undefined);
  }

  async open(selectSql: string, delimiter: keyof typeof COPY_DELIMITERS): Promise<CopyStream> {
    const client: PoolClient = await this.pool.connect();
    // pg also emits a lost connection as an 'error' event on the client, which would crash the process
    // without a listener; the COPY stream itself fails with the same error, and that is what is handled.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    const sql = `COPY (${selectSql}) TO STDOUT WITH (FORMAT csv, HEADER true, DELIMITER ${COPY_DELIMITERS[delimiter]})`;
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.removeListener('error', ignore);
      client.release(error ?? false);
    };
    try {
      const backendPid = (client as unknown as { processID: number }).processID;
      const stream = client.query(copyTo(sql));
      // Dropping the connection of a failed attempt makes the COPY emit one more 'error' after the
      // pipeline has let go of it; unheard, that event would crash the worker. Its pipeline hears the rest.
      stream.on('error', () => undefined);
      return { stream, backendPid, release };
    } catch (error) {
      release(error as Error);
      throw error;
    }
  }

  /**
   * Asks PostgreSQL, on a connection of its own, whether the COPY's server process is still executing
   * (and not stuck sending to a connection nobody reads). False when the server does not answer in time.
   */
  async isQueryWorking(backendPid: number): Promise<boolean> {
    const client = new Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
      application_name: 'usaspending-download-probe',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ working: boolean }>(
        `SELECT state = 'active' AND wait_event IS DISTINCT FROM 'ClientWrite' AS working
         FROM pg_stat_activity WHERE pid = $1`,
        [backendPid],
      );
      return rows[0]?.working === true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
