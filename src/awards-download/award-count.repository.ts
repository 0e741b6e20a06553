import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { CatalogKey } from '../catalog/catalog.types';

/**
 * Counts with the download's own FROM clause, row split and filter conditions, so a count always
 * equals the data rows the download's files would hold.
 */
@Injectable()
export class AwardCountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `conditions` are safe SQL built by awardFilterConditions(); each key is one file of the download. */
  async count(keys: readonly CatalogKey[], conditions: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const counts = keys.map((key) => {
      const source = catalogFor(key);
      const where = [source.rowCondition, ...conditions].filter(Boolean).map((condition) => `(${condition})`);
      return `(SELECT count(*) ${source.fromClause}${where.length ? ` WHERE ${where.join(' AND ')}` : ''})`;
    });
    const rows = await this.dataSource.query<{ total: string }[]>(`SELECT ${counts.join(' + ')} AS total`);
    return Number(rows[0].total);
  }
}
