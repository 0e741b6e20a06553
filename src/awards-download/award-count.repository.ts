import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { CatalogKey, CatalogSource } from '../catalog/catalog.types';
import { buildSelectSql } from '../catalog/select-sql.util';
import { withDriverClient, withLocalSettings } from '../database/driver-client.util';
import { DataLoadDateRepository } from '../data-model/repositories/data-load-date.repository';
import { CountCache } from './count-cache';

/**
 * A count the website waits for: the slowest realistic count at 1M transactions takes well under a second,
 * so one still running after this is a request too broad to answer interactively. It is stopped (its
 * connection returns to the pool for other requests) and answered 503 with a message, not left to hold
 * a connection and a core for minutes.
 */
export const COUNT_TIMEOUT_MS = 15_000;

export interface CountOptions {
  /** Safe SQL built by awardFilterConditions(). */
  where: readonly string[];
  permalinkHost: string;
  defCodes?: readonly string[];
}

/**
 * Counts the rows of the download's own FROM clause and conditions (its SELECT of one cheap column, or
 * the base table alone when the joins cannot change the count), so a count always equals the data rows
 * the download's files would hold.
 * The website asks the same counts over and over: they are remembered until the data's load date
 * (external_data_load_date, set by every load) changes.
 */
@Injectable()
export class AwardCountRepository {
  private readonly cache = new CountCache();

  constructor(
    private readonly dataSource: DataSource,
    private readonly loadDates: DataLoadDateRepository,
  ) {}

  async count(keys: readonly CatalogKey[], options: CountOptions): Promise<number> {
    if (keys.length === 0) return 0;
    const sql = countSql(keys, options);
    return this.cache.get(sql, await this.loadDates.latestLoadDate(), () => this.run(sql));
  }

  private async run(sql: string): Promise<number> {
    try {
      return await withDriverClient(this.dataSource, (client) =>
        // A count over many rows has a high estimated cost, and JIT would spend ~200 ms compiling it:
        // more than an index-only count takes.
        withLocalSettings(
          client,
          `SET LOCAL jit = off; SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`,
          async () => Number((await client.query<{ total: string }>(sql)).rows[0].total),
        ),
      );
    } catch (error) {
      if ((error as { code?: string }).code === QUERY_CANCELED)
        throw new ApiError(
          ApiErrorCode.ServiceUnavailable,
          `The count did not finish within ${COUNT_TIMEOUT_MS / 1000} s; narrow the filters and ask again.`,
        );
      throw error;
    }
  }
}

/** SQLSTATE of a statement stopped by statement_timeout. */
const QUERY_CANCELED = '57014';

/** One SELECT summing the row counts of the files `keys` name. */
export function countSql(keys: readonly CatalogKey[], options: CountOptions): string {
  const scans = new Map<string, (string | undefined)[]>();
  const counts: string[] = [];
  for (const key of keys) {
    const source = catalogFor(key);
    const conditions = [source.rowCondition, ...options.where].filter((condition) => condition !== undefined);
    const from = joinFreeFrom(source, conditions);
    if (from) {
      if (!scans.has(from)) counts.push(from);
      scans.set(from, [...(scans.get(from) ?? []), source.rowCondition]);
      continue;
    }
    const select = buildSelectSql(key, {
      columns: [source.columns[0].requestName],
      permalinkHost: options.permalinkHost,
      defCodes: options.defCodes,
      where: options.where,
    });
    counts.push(`(SELECT count(*) FROM (${select}) AS file_rows)`);
  }
  const sums = counts.map((count) => {
    const rowConditions = scans.get(count);
    return rowConditions ? scanCount(count, rowConditions, options.where) : count;
  });
  return `SELECT ${sums.join(' + ')} AS total`;
}

/**
 * The files that count one base table alone (a contract file and an assistance file of the same table)
 * are counted in ONE scan: `count(*) FILTER (WHERE file's row condition)` per file over the rows any of
 * them holds. Same sum as one count per file, but the matching rows are read once, not once per file.
 */
function scanCount(
  from: string,
  rowConditions: readonly (string | undefined)[],
  where: readonly string[],
): string {
  const wrap = (conditions: readonly string[]) =>
    conditions.map((condition) => `(${condition})`).join(' AND ');
  const own = rowConditions.filter((condition) => condition !== undefined);
  if (rowConditions.length === 1) {
    const conditions = [...own, ...where];
    return `(SELECT count(*) ${from}${conditions.length ? ` WHERE ${wrap(conditions)}` : ''})`;
  }
  const filtered = rowConditions.map((condition) =>
    condition === undefined ? 'count(*)' : `count(*) FILTER (WHERE ${condition})`,
  );
  const either =
    own.length === rowConditions.length && !complementary(own)
      ? [`(${own.map((c) => `(${c})`).join(' OR ')})`]
      : [];
  const conditions = [...either, ...where];
  return `(SELECT ${filtered.join(' + ')} ${from}${conditions.length ? ` WHERE ${wrap(conditions)}` : ''})`;
}

/** `t.is_fpds = true` and `t.is_fpds = false` together hold every row (is_fpds is NOT NULL): no test needed. */
function complementary(rowConditions: readonly string[]): boolean {
  if (rowConditions.length !== 2) return false;
  const [a, b] = rowConditions.map((condition) => /^(\w+)\.is_fpds = (true|false)$/.exec(condition));
  return !!a && !!b && a[1] === b[1] && a[2] !== b[2];
}

/** Primary keys: a LEFT JOIN on one matches at most one row, so it never changes how many rows there are. */
const UNIQUE_KEYS = new Set(['award_search.award_id', 'transaction_search.transaction_id']);
const UNIQUE_JOIN = /^LEFT JOIN (\w+) AS (\w+) ON \2\.(\w+) = \w+\.\w+$/;

/**
 * The file's base table alone, when its joins are LEFT JOINs on a primary key that no condition reads:
 * the count is the same, and without the join column the planner can count from an index alone (an
 * index-only scan) instead of visiting every matching row.
 */
function joinFreeFrom(source: CatalogSource, conditions: readonly string[]): string | undefined {
  const [base, ...joins] = source.fromClause.split('\n');
  if (!/^FROM \w+ AS \w+$/.test(base)) return undefined;
  for (const join of joins) {
    const match = UNIQUE_JOIN.exec(join);
    if (!match || !UNIQUE_KEYS.has(`${match[1]}.${match[3]}`)) return undefined;
    if (conditions.some((condition) => condition.includes(`${match[2]}.`))) return undefined;
  }
  return base;
}
