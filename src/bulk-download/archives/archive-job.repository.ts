import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobStatus } from '../../database/entities/job-status.entity';

/** LIKE pattern matching names that start with `prefix` literally (`_` and `%` escaped). */
function startsWithPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
}

export interface FinishedArchive {
  readonly objectName: string;
  /** Null only for archives made before checksums were recorded. */
  readonly sha256: string | null;
}

/**
 * The archives' bookkeeping: each archive is a `download_job` row with `monthly_download = true` whose file name
 * is its storage object name (`award_data_archive/...`). The listing route reads finished rows from here.
 */
@Injectable()
export class ArchiveJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finished archives (object name and SHA-256) starting with `prefix`, in byte order (as an S3 listing). */
  async finished(prefix: string): Promise<FinishedArchive[]> {
    const rows = await this.dataSource.query<{ file_name: string; file_sha256: string | null }[]>(
      `SELECT file_name, file_sha256 FROM download_job
       WHERE monthly_download AND job_status_id = $1 AND file_name LIKE $2 ESCAPE '\\'
       ORDER BY file_name COLLATE "C"`,
      [JobStatus.Finished, startsWithPattern(prefix)],
    );
    return rows.map((row) => ({ objectName: row.file_name, sha256: row.file_sha256 }));
  }

  /** Object names of every archive row (any status) starting with `prefix`. */
  async allNames(prefix: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ file_name: string }[]>(
      `SELECT file_name FROM download_job WHERE monthly_download AND file_name LIKE $1 ESCAPE '\\'`,
      [startsWithPattern(prefix)],
    );
    return rows.map((row) => row.file_name);
  }

  async removeByName(objectName: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM download_job WHERE monthly_download AND file_name = $1`, [
      objectName,
    ]);
  }

  /** When the latest finished archive whose object name starts with `prefix` was started, or null. */
  async lastRunAt(prefix: string): Promise<Date | null> {
    const rows = await this.dataSource.query<{ at: Date | null }[]>(
      `SELECT max(create_date) AS at FROM download_job
       WHERE monthly_download AND job_status_id = $1 AND file_name LIKE $2 ESCAPE '\\'`,
      [JobStatus.Finished, startsWithPattern(prefix)],
    );
    return rows[0]?.at ?? null;
  }
}
