import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobStatus } from '../database/entities/job-status.entity';

/** LIKE pattern matching names that start with `prefix` literally (`_` and `%` escaped). */
function startsWithPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
}

export interface FinishedFile {
  readonly objectName: string;
  /** When the file was completed: the storage's "last modified". */
  readonly finishedAt: Date;
}

/**
 * The bookkeeping of pre-generated files kept in a storage folder (unlinked-awards archives, database
 * downloads): each is a `download_job` row with `monthly_download = true` named by its object name.
 */
@Injectable()
export class PregeneratedJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finished files whose object name starts with `prefix`, newest first (ties: by name). */
  async finished(prefix: string): Promise<FinishedFile[]> {
    const rows = await this.dataSource.query<{ file_name: string; finished_at: Date }[]>(
      `SELECT file_name, COALESCE(finished_at, update_date) AS finished_at FROM download_job
       WHERE monthly_download AND job_status_id = $1 AND file_name LIKE $2 ESCAPE '\\'
       ORDER BY 2 DESC, file_name COLLATE "C"`,
      [JobStatus.Finished, startsWithPattern(prefix)],
    );
    return rows.map((row) => ({ objectName: row.file_name, finishedAt: row.finished_at }));
  }

  /** Every row (any status) whose object name starts with `prefix`. */
  async names(prefix: string): Promise<string[]> {
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
}
