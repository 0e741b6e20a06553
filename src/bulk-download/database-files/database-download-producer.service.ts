import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PregeneratedFileService } from '../../pregenerated/pregenerated-file.service';
import {
  databaseDownloadObjectName,
  databaseDownloadPrefix,
  DatabaseDownloadKind,
} from './database-download-names.util';
import { DATABASE_DOWNLOAD_REQUEST_TYPE, DatabaseDownloadRequest } from './database-download.planner';
import { DatabaseTablesRepository } from './database-tables.repository';

/**
 * `npm run database-download`: the whole database (`usaspending-db_<YYYYMMDD>.zip`) or its latest fiscal year
 * (`usaspending-db-subset_<YYYYMMDD>.zip`) as one CSV per table, into the storage folder database_download/.
 * A kind keeps only its newest file.
 */
@Injectable()
export class DatabaseDownloadProducerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: DatabaseTablesRepository,
    private readonly files: PregeneratedFileService,
  ) {}

  async produce(kind: DatabaseDownloadKind): Promise<{ objectName: string; rows: number }> {
    const request: DatabaseDownloadRequest = {
      kind,
      ...(kind === 'subset' ? { fiscal_year: await this.latestFiscalYear() } : {}),
      tables: await this.tables.tables(),
    };
    const objectName = databaseDownloadObjectName(kind, new Date());
    const totals = await this.files.generate({
      objectName,
      requestType: DATABASE_DOWNLOAD_REQUEST_TYPE,
      request,
      monthly: true,
    });
    await this.files.removeOthers(databaseDownloadPrefix(kind), objectName);
    return { objectName, rows: totals.rows };
  }

  private async latestFiscalYear(): Promise<number> {
    // The latest year with both awards and account submissions, so every part of the subset has rows.
    const rows = await this.dataSource.query<{ fy: number | null }[]>(
      `SELECT max(s.reporting_fiscal_year) AS fy FROM submission_attributes AS s
       WHERE EXISTS (SELECT 1 FROM award_search AS a WHERE a.fiscal_year = s.reporting_fiscal_year)`,
    );
    if (rows[0].fy === null)
      throw new Error('No fiscal year has both awards and submissions: there is no subset to make.');
    return Number(rows[0].fy);
  }
}
