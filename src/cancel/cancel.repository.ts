import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobStatus } from '../database/entities/job-status.entity';
import { CANCELLED_MESSAGE, cancelTokenHash, newCancelToken } from './cancel-token.util';

export type CancelOutcome =
  | { kind: 'unknown-job' }
  | { kind: 'wrong-token' }
  | { kind: 'not-cancellable'; status: JobStatus; message: string | null }
  /** This requester's cancel is recorded; `waiting` other requesters still hold the job (0: it was stopped). */
  | { kind: 'cancelled'; waiting: number };

const ACTIVE = [JobStatus.Ready, JobStatus.Queued, JobStatus.Resumed, JobStatus.Running];

/** Cancel tokens and their use (`download_requester`), against `download_job`. */
@Injectable()
export class CancelRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A new requester of the job: returns the token, of which only the hash is stored. A `callbackUrl` is owed
   * one delivery once the job has finished or failed (due at once: the job may be finished already).
   */
  async issue(downloadJobId: number, callbackUrl: string | null = null): Promise<string> {
    const token = newCancelToken();
    await this.dataSource.query(
      `INSERT INTO download_requester (download_job_id, cancel_token_sha256, callback_url, callback_next_at)
       VALUES ($1, $2, $3, CASE WHEN $3::text IS NULL THEN NULL ELSE now() END)`,
      [downloadJobId, cancelTokenHash(token), callbackUrl],
    );
    return token;
  }

  /**
   * Records one requester's cancel and stops the job once every requester has cancelled. The job row is locked
   * for the decision, so two last cancels (or a cancel and a new requester) cannot both miss each other.
   */
  cancel(fileName: string, token: string): Promise<CancelOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [job] = await manager.query<{ id: number; status: JobStatus; message: string | null }[]>(
        `SELECT download_job_id AS id, job_status_id AS status, error_message AS message
         FROM download_job WHERE file_name = $1 FOR UPDATE`,
        [fileName],
      );
      if (!job) return { kind: 'unknown-job' };
      const [requester] = await manager.query<{ id: string }[]>(
        `SELECT download_requester_id AS id FROM download_requester
         WHERE download_job_id = $1 AND cancel_token_sha256 = $2`,
        [job.id, cancelTokenHash(token)],
      );
      if (!requester) return { kind: 'wrong-token' };
      if (!ACTIVE.includes(Number(job.status)))
        return { kind: 'not-cancellable', status: Number(job.status), message: job.message };
      await manager.query(
        `UPDATE download_requester SET cancelled_at = now()
         WHERE download_requester_id = $1 AND cancelled_at IS NULL`,
        [requester.id],
      );
      const [{ waiting }] = await manager.query<{ waiting: string }[]>(
        `SELECT count(*) AS waiting FROM download_requester WHERE download_job_id = $1 AND cancelled_at IS NULL`,
        [job.id],
      );
      if (Number(waiting) > 0) return { kind: 'cancelled', waiting: Number(waiting) };
      // expires_at now: should the worker still finish writing the file, the retention sweep deletes it.
      await manager.query(
        `UPDATE download_job SET job_status_id = $2, error_message = $3, finished_at = now(),
           update_date = now(), expires_at = now()
         WHERE download_job_id = $1`,
        [job.id, JobStatus.Failed, CANCELLED_MESSAGE],
      );
      return { kind: 'cancelled', waiting: 0 };
    });
  }

  /** The job's status, read by the worker to notice a cancel; null when the row is gone. */
  async statusOf(downloadJobId: number): Promise<JobStatus | null> {
    const [row] = await this.dataSource.query<{ status: number }[]>(
      `SELECT job_status_id AS status FROM download_job WHERE download_job_id = $1`,
      [downloadJobId],
    );
    return row ? Number(row.status) : null;
  }

  /** Cancels the query of a PostgreSQL server process (a download's COPY); false if it had ended. */
  async cancelQuery(backendPid: number): Promise<boolean> {
    const [row] = await this.dataSource.query<{ cancelled: boolean }[]>(
      `SELECT pg_cancel_backend($1) AS cancelled`,
      [backendPid],
    );
    return row?.cancelled === true;
  }
}
