import { DataSource } from 'typeorm';
import { JobStatus } from '../database/entities/job-status.entity';
import type { DownloadPlan } from '../generation/download-plan';
import type { RowEstimateRepository } from './row-estimate.repository';

/** While running the file is not done until storage has it: the percentage stops short of 100. */
const MAX_RUNNING_PERCENT = 99;
/** The rate is trusted once the attempt has run this long. */
const MIN_RATE_MS = 1_000;

export interface ProgressSnapshot {
  rowsExpected: number | null;
  filesDone: number;
  filesTotal: number | null;
  percent: number;
  secondsRemaining: number | null;
}

/**
 * One attempt's progress beyond the row count: what is expected (from RowEstimateRepository, found while the
 * download already runs), how many of the plan's files are written, a percentage and the time left at the
 * attempt's own rate. Written to the job row with the row count, once a second.
 */
export class ProgressTracker {
  private readonly startedAt = Date.now();
  private rowsExpected: number | null = null;
  private filesTotal: number | null = null;
  private filesDone = 0;
  private readonly ended = new AbortController();

  constructor(
    private readonly downloadJobId: number,
    private readonly dataSource: DataSource,
    private readonly estimates: RowEstimateRepository,
  ) {}

  /** The plan is known: how many files, and (in the background) how many rows. */
  planned(plan: DownloadPlan): void {
    this.filesTotal = plan.sources.length;
    const queries = plan.sources.flatMap((source) => (source.sql === null ? [] : [source.sql]));
    void Promise.all(queries.map((sql) => this.estimates.estimate(sql, this.ended.signal)))
      .then((estimates) => {
        // One file that cannot be estimated makes the whole unknown rather than wrong.
        if (estimates.every((estimate) => estimate !== null))
          this.rowsExpected = estimates.reduce((sum, estimate) => sum + estimate.rows, 0);
      })
      .catch(() => undefined);
  }

  /** The attempt is over: estimates not yet counted are not counted any more. */
  end(): void {
    this.ended.abort();
  }

  fileDone(): void {
    this.filesDone += 1;
  }

  snapshot(rows: number, now = Date.now()): ProgressSnapshot {
    const byRows = this.rowsExpected ? (rows / this.rowsExpected) * 100 : null;
    const byFiles = this.filesTotal ? (this.filesDone / this.filesTotal) * 100 : 0;
    const percent = Math.min(MAX_RUNNING_PERCENT, byRows ?? byFiles);
    const elapsedMs = now - this.startedAt;
    let secondsRemaining: number | null = null;
    if (this.rowsExpected !== null && rows > 0 && rows <= this.rowsExpected && elapsedMs >= MIN_RATE_MS) {
      const rowsPerSecond = rows / (elapsedMs / 1000);
      secondsRemaining = Math.ceil((this.rowsExpected - rows) / rowsPerSecond);
    }
    return {
      rowsExpected: this.rowsExpected,
      filesDone: this.filesDone,
      filesTotal: this.filesTotal,
      percent: Math.round(percent * 10) / 10,
      secondsRemaining,
    };
  }

  /** Writes the snapshot; the done counters only ever grow, across the attempts of the job. */
  async report(rows: number): Promise<void> {
    const snapshot = this.snapshot(rows);
    await this.dataSource.query(
      `UPDATE download_job SET rows_expected = $2,
         files_done = GREATEST(COALESCE(files_done, 0), $3), files_total = $4,
         progress_percent = GREATEST(COALESCE(progress_percent, 0), $5), seconds_remaining = $6
       WHERE download_job_id = $1 AND job_status_id = $7`,
      [
        this.downloadJobId,
        snapshot.rowsExpected,
        snapshot.filesDone,
        snapshot.filesTotal,
        snapshot.percent,
        snapshot.secondsRemaining,
        JobStatus.Running,
      ],
    );
  }
}
