import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { CatalogKey, CatalogSource } from '../catalog/catalog.types';
import { buildSelectSql } from '../catalog/select-sql.util';
import { DataLoadDateRepository } from '../data-model/repositories/data-load-date.repository';
import { CountCache } from './count-cache';

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
    return this.cache.get(sql, await this.loadDates.latestLoadDate(), () =>
      this.dataSource.transaction(async (manager) => {
        // A count over many rows has a high estimated cost, and JIT would spend ~200 ms compiling it:
        // more than an index-only count takes.
        await manager.query('SET LOCAL jit = off');
        const rows: { total: string }[] = await manager.query(sql);
        return Number(rows[0].total);
      }),
    );
  }
}

/** One SELECT summing the row counts of the files `keys` name. */
export function countSql(keys: readonly CatalogKey[], options: CountOptions): string {
  const counts = keys.map((key) => {
    const source = catalogFor(key);
    const conditions = [source.rowCondition, ...options.where].filter((condition) => condition !== undefined);
    const from = joinFreeFrom(source, conditions);
    if (from) {
      const where = conditions.length
        ? ` WHERE ${conditions.map((condition) => `(${condition})`).join(' AND ')}`
        : '';
      return `(SELECT count(*) ${from}${where})`;
    }
    const select = buildSelectSql(key, {
      columns: [source.columns[0].requestName],
      permalinkHost: options.permalinkHost,
      defCodes: options.defCodes,
      where: options.where,
    });
    return `(SELECT count(*) FROM (${select}) AS file_rows)`;
  });
  return `SELECT ${counts.join(' + ')} AS total`;
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
