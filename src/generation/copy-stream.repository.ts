import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Readable } from 'node:stream';
import { AppConfig } from '../config/app-config';
import { DATABASE_URL } from '../database/database.module';

export interface CopyStream {
  stream: Readable;
  /** Returns the connection; pass the error when the COPY did not finish, so the connection is dropped. */
  release(error?: Error): void;
}

const COPY_DELIMITERS = { ',': "','", '\t': "E'\\t'", '|': "'|'" } as const;

/**
 * Raw `COPY (SELECT ...) TO STDOUT` streams on a pool of their own, so long downloads never starve
 * the API's TypeORM pool. The SELECT comes from a planner and holds no unescaped user input.
 */
@Injectable()
export class CopyStreamRepository implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(@Inject(DATABASE_URL) databaseUrl: string, config: AppConfig) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: config.workerConcurrency + 1,
      application_name: 'usaspending-download-copy',
      // The reference allows a download query 6 hours and 128 MB of sort memory (federal-account
      // aggregations spill to disk at PostgreSQL's 4 MB default). JIT is off: compiling a 300-column
      // SELECT costs seconds and a COPY gains nothing from it.
      options: '-c statement_timeout=21600000 -c work_mem=128MB -c jit=off',
    });
  }

  async open(selectSql: string, delimiter: keyof typeof COPY_DELIMITERS): Promise<CopyStream> {
    const client: PoolClient = await this.pool.connect();
    const sql = `COPY (${selectSql}) TO STDOUT WITH (FORMAT csv, HEADER true, DELIMITER ${COPY_DELIMITERS[delimiter]})`;
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error ?? false);
    };
    try {
      return { stream: client.query(copyTo(sql)), release };
    } catch (error) {
      release(error as Error);
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
