import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ExpiredFile {
  readonly id: number;
  readonly fileName: string;
}

/** The retention sweep's reads and writes of `download_job` (through download_job_expiring_idx). */
@Injectable()
export class RetentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` jobs whose file is due for deletion and not deleted yet, the longest overdue first. */
  async due(now: Date, limit: number): Promise<ExpiredFile[]> {
    const rows = await this.dataSource.query<{ id: number; file_name: string }[]>(
      `SELECT download_job_id AS id, file_name FROM download_job
       WHERE expires_at IS NOT NULL AND file_removed_at IS NULL AND expires_at <= $1
       ORDER BY expires_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => ({ id: Number(row.id), fileName: row.file_name }));
  }

  async markRemoved(id: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE download_job SET file_removed_at = now() WHERE download_job_id = $1 AND file_removed_at IS NULL`,
      [id],
    );
  }
}
