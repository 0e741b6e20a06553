import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { CatalogKey } from '../catalog/catalog.types';
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
 * Counts the rows of the download's own SELECT (one cheap column of it), so a count always equals
 * the data rows the download's files would hold; PostgreSQL drops the joins the column does not need.
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
    const select = buildSelectSql(key, {
      columns: [catalogFor(key).columns[0].requestName],
      permalinkHost: options.permalinkHost,
      defCodes: options.defCodes,
      where: options.where,
    });
    return `(SELECT count(*) FROM (${select}) AS file_rows)`;
  });
  return `SELECT ${counts.join(' + ')} AS total`;
}
