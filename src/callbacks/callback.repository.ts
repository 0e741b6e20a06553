import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobStatus } from '../database/entities/job-status.entity';

export interface DueCallback {
  readonly requesterId: string;
  readonly downloadJobId: number;
  readonly url: string;
  /** Deliveries tried before this one. */
  readonly attempts: number;
}

/** The delivery state of completion callbacks (`download_requester.callback_*`). */
@Injectable()
export class CallbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` callbacks whose job has finished or failed and whose delivery is due, pushing their
   * due time `leaseMs` ahead so no other worker sends them meanwhile (SKIP LOCKED: claims never wait).
   */
  async claimDue(limit: number, leaseMs: number): Promise<DueCallback[]> {
    const rows = await this.dataSource.query<{ id: string; job_id: number; url: string; attempts: number }[]>(
      `UPDATE download_requester AS r SET callback_next_at = now() + make_interval(secs => $3::double precision / 1000)
       FROM (
         SELECT r.download_requester_id FROM download_requester r
         JOIN download_job j ON j.download_job_id = r.download_job_id
         WHERE r.callback_url IS NOT NULL AND r.callback_delivered_at IS NULL AND r.callback_given_up_at IS NULL
           AND r.callback_next_at <= now() AND j.job_status_id IN ($1, $2)
         ORDER BY r.callback_next_at LIMIT $4
         FOR UPDATE OF r SKIP LOCKED
       ) AS due
       WHERE r.download_requester_id = due.download_requester_id
       RETURNING r.download_requester_id AS id, r.download_job_id AS job_id, r.callback_url AS url,
         r.callback_attempts AS attempts`,
      [JobStatus.Finished, JobStatus.Failed, leaseMs, limit],
    );
    return (rows as unknown as [typeof rows, number])[0].map((row) => ({
      requesterId: String(row.id),
      downloadJobId: Number(row.job_id),
      url: row.url,
      attempts: Number(row.attempts),
    }));
  }

  async delivered(requesterId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE download_requester SET callback_delivered_at = now(), callback_attempts = callback_attempts + 1,
         callback_last_error = NULL
       WHERE download_requester_id = $1`,
      [requesterId],
    );
  }

  /** A failed delivery: tried again after `retryInMs`, or given up when that is null. */
  async failed(requesterId: string, error: string, retryInMs: number | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE download_requester SET callback_attempts = callback_attempts + 1, callback_last_error = $2,
         callback_next_at = CASE WHEN $3::double precision IS NULL THEN callback_next_at
                            ELSE now() + make_interval(secs => $3::double precision / 1000) END,
         callback_given_up_at = CASE WHEN $3::double precision IS NULL THEN now() END
       WHERE download_requester_id = $1`,
      [requesterId, error.slice(0, 500), retryInMs],
    );
  }
}
