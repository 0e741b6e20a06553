import { Injectable } from '@nestjs/common';
import { ClientBase } from 'pg';
import { DataSource } from 'typeorm';
import { BatchedLookup } from '../../common/batched-lookup';
import { driverPool } from '../../database/driver-client.util';

/** Kinds of data whose changes invalidate cached downloads. */
export type DataLoadType = 'reference' | 'awards' | 'accounts';

/**
 * When the downloadable data last changed (external_data_load_date). The same-request download cache
 * keys on latestLoadDate(): a cached file older than the last load is stale.
 */
@Injectable()
export class DataLoadDateRepository {
  /**
   * Every count and download request reads it: the requests of one round share one read, which starts
   * after they arrived (so none is answered from a read older than itself).
   */
  private readonly latest = new BatchedLookup<'latest', Date | null>(async () => {
    const { rows } = await driverPool(this.dataSource).query<{ latest: Date | null }>(LATEST_QUERY);
    return new Map([['latest', rows[0]?.latest ?? null]]);
  });

  constructor(private readonly dataSource: DataSource) {}

  async latestLoadDate(): Promise<Date | null> {
    return (await this.latest.load('latest')) ?? null;
  }

  async markLoaded(loadTypes: readonly DataLoadType[]): Promise<void> {
    await this.dataSource.query(MARK_LOADED_SQL, [loadTypes]);
  }
}

const LATEST_QUERY = {
  name: 'external-data-latest-load-date',
  text: 'SELECT max(last_load_date) AS latest FROM external_data_load_date',
};

const MARK_LOADED_SQL = `
  INSERT INTO external_data_load_date (load_type, last_load_date)
  SELECT load_type, clock_timestamp() FROM unnest($1::text[]) AS load_type
  ON CONFLICT (load_type) DO UPDATE SET last_load_date = EXCLUDED.last_load_date`;

/** The seeders' variant, on the raw connection they already hold (inside their transaction). */
export async function markDataLoaded(client: ClientBase, loadTypes: readonly DataLoadType[]): Promise<void> {
  await client.query(MARK_LOADED_SQL, [loadTypes]);
}
