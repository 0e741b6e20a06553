import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Below this planner cost a count(*) of the query is cheap enough to run beside the download itself. */
const CHEAP_COST = 100_000;
/** A count that takes longer than this is abandoned for the planner's estimate. */
const COUNT_TIMEOUT_MS = 2_000;

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

  async estimate(selectSql: string): Promise<RowEstimate | null> {
    const plan = await this.plan(selectSql);
    if (!plan) return null;
    if (plan.cost <= CHEAP_COST) {
      const counted = await this.count(selectSql);
      if (counted !== null) return { rows: counted, exact: true };
    }
    return { rows: plan.rows, exact: false };
  }

  private async plan(selectSql: string): Promise<{ rows: number; cost: number } | null> {
    try {
      const [row] = await this.dataSource.query<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }[]>(
        `EXPLAIN (FORMAT JSON) ${selectSql}`,
      );
      const top = row['QUERY PLAN'][0].Plan;
      return { rows: Math.round(top['Plan Rows']), cost: top['Total Cost'] };
    } catch {
      return null;
    }
  }

  private async count(selectSql: string): Promise<number | null> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      // SET LOCAL: the timeout ends with this transaction and never leaks into the pooled connection.
      await runner.query(`SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`);
      const rows = (await runner.query(`SELECT count(*) AS n FROM (${selectSql}) AS counted`)) as {
        n: string;
      }[];
      await runner.commitTransaction();
      return Number(rows[0].n);
    } catch {
      await runner.rollbackTransaction().catch(() => undefined);
      return null;
    } finally {
      await runner.release();
    }
  }
}
