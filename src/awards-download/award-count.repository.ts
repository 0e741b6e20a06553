import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { CatalogKey } from '../catalog/catalog.types';
import { buildSelectSql } from '../catalog/select-sql.util';

export interface CountOptions {
  /** Safe SQL built by awardFilterConditions(). */
  where: readonly string[];
  permalinkHost: string;
  defCodes?: readonly string[];
}

/**
 * Counts the rows of the download's own SELECT (one cheap column of it), so a count always equals
 * the data rows the download's files would hold; PostgreSQL drops the joins the column does not need.
 */
@Injectable()
export class AwardCountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(keys: readonly CatalogKey[], options: CountOptions): Promise<number> {
    if (keys.length === 0) return 0;
    const rows = await this.dataSource.query<{ total: string }[]>(countSql(keys, options));
    return Number(rows[0].total);
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
