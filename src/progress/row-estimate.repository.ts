import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { withDriverClient, withLocalSettings } from '../database/driver-client.util';

/** Below this planner cost a count(*) of the query is cheap enough to run beside the download itself. */
const CHEAP_COST = 100_000;
/** A count that takes longer than this is abandoned for the planner's estimate. */
const COUNT_TIMEOUT_MS = 2_000;
const WITH_COUNT_TIMEOUT = `SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`;

export interface RowEstimate {
  rows: number;
  exact: boolean;
}

/**
 * How many rows a download query will return: counted when the planner says the query is cheap, else the
 * planner's own estimate, else null (the query cannot even be planned here). The SELECT comes from a planner
 * (values escaped, no user text pasted), the same statement COPY runs.
 */
@Injectable()
export class RowEstimateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The planner's estimate of the rows of these SELECTs together (nothing runs); null if one cannot be planned. */
  plannedRows(selects: readonly string[]): Promise<number | null> {
    // Planning takes milliseconds; one that takes longer is not worth waiting for.
    return withDriverClient(this.dataSource, (client) =>
      withLocalSettings(client, WITH_COUNT_TIMEOUT, () => plannedRowsOf(client, selects)),
    );
  }

  /** `signal`: the download has ended meanwhile, so no count is started (the plan's estimate is returned). */
  async estimate(selectSql: string, signal?: AbortSignal): Promise<RowEstimate | null> {
    try {
      return await withDriverClient(this.dataSource, async (client) => {
        const plan = await planOf(client, selectSql);
        if (!plan) return null;
        if (plan.cost <= CHEAP_COST && !signal?.aborted) {
          const counted = await countOf(client, selectSql);
          if (counted !== null) return { rows: counted, exact: true };
        }
        return { rows: plan.rows, exact: false };
      });
    } catch {
      return null;
    }
  }
}

/** The planner's row estimate of several SELECTs, summed; null when one cannot be planned. */
export async function plannedRowsOf(client: PoolClient, selects: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const sql of selects) {
    const plan = await planOf(client, sql);
    if (!plan) return null;
    total += plan.rows;
  }
  return total;
}

async function planOf(client: PoolClient, selectSql: string): Promise<{ rows: number; cost: number } | null> {
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>(
      `EXPLAIN (FORMAT JSON) ${selectSql}`,
    );
    const top = rows[0]['QUERY PLAN'][0].Plan;
    return { rows: Math.round(top['Plan Rows']), cost: top['Total Cost'] };
  } catch {
    return null;
  }
}

async function countOf(client: PoolClient, selectSql: string): Promise<number | null> {
  try {
    return await withLocalSettings(client, WITH_COUNT_TIMEOUT, async () => {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM (${selectSql}) AS counted`,
      );
      return Number(rows[0].n);
    });
  } catch {
    return null;
  }
}
