import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, In, Repository } from 'typeorm';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { JobStatus } from '../database/entities/job-status.entity';
import { BatchedLookup } from '../common/batched-lookup';
import { driverPool, isStatementError } from '../database/driver-client.util';

export interface NewDownloadJob {
  fileName: string;
  requestType: string;
  jsonRequest: string;
  requestHash: string;
  monthlyDownload?: boolean;
}

export interface DownloadTotals {
  rows: number;
  columns: number;
  fileSize: number;
  /** SHA-256 (hex) of the stored zip. */
  sha256: string;
}

/** What the status answer shows of a job: no request text (which may be kilobytes), nothing else. */
const STATUS_PROPERTIES = [
  'statusId',
  'fileName',
  'fileSize',
  'numberOfRows',
  'numberOfColumns',
  'errorMessage',
  'createDate',
  'updateDate',
  'fileSha256',
  'expiresAt',
  'fileRemovedAt',
  'rowsExpected',
  'filesDone',
  'filesTotal',
  'progressPercent',
  'secondsRemaining',
] as const satisfies readonly (keyof DownloadJobEntity)[];

export type JobStatusFields = Pick<DownloadJobEntity, (typeof STATUS_PROPERTIES)[number]>;

/** Every read and write of `download_job`; the table is the source of truth, Bull only carries ids. */
@Injectable()
export class DownloadJobRepository {
  /**
   * The status poll's query, a named prepared statement: parsed and planned once per connection. Its
   * columns come from the entity's mapping, aliased to the property names; pg returns the same types
   * TypeORM does (bigint as text, dates as Date). It reads every file name polled in the same round.
   */
  private readonly statusQuery: { name: string; text: string };
  private readonly statusLookup = new BatchedLookup<string, JobStatusFields>(
    (fileNames) => this.findStatusesByFileNames(fileNames),
    500,
    isStatementError,
  );

  constructor(
    @InjectRepository(DownloadJobEntity) private readonly jobs: Repository<DownloadJobEntity>,
    private readonly dataSource: DataSource,
  ) {
    const columns = STATUS_PROPERTIES.map((property) => {
      const column = jobs.metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`DownloadJobEntity has no column for ${property}`);
      return `${column.databaseName} AS "${property}"`;
    });
    this.statusQuery = {
      name: 'download-job-statuses-by-file-names',
      text: `SELECT ${columns.join(', ')} FROM ${jobs.metadata.tableName} WHERE file_name = ANY($1::text[])`,
    };
  }

  create(job: NewDownloadJob): Promise<DownloadJobEntity> {
    return this.jobs.save(
      this.jobs.create({
        ...job,
        statusId: JobStatus.Ready,
        fileSize: null,
        numberOfRows: null,
        numberOfColumns: null,
        errorMessage: null,
      }),
    );
  }

  findById(id: number): Promise<DownloadJobEntity | null> {
    return this.jobs.findOneBy({ id });
  }

  findByFileName(fileName: string): Promise<DownloadJobEntity | null> {
    return this.jobs.findOneBy({ fileName });
  }

  /**
   * The status route's read, polled by every waiting client: straight on the driver's pool, as one
   * prepared statement, without the entity's request text, and one query for all the polls of a round
   * (see BatchedLookup). TypeORM's find builds and hydrates the whole entity each time, and one query
   * per poll costs a round trip each: under a hundred pollers both cost more than the reads themselves.
   */
  async findStatusByFileName(fileName: string): Promise<JobStatusFields | null> {
    return (await this.statusLookup.load(fileName)) ?? null;
  }

  private async findStatusesByFileNames(fileNames: string[]): Promise<Map<string, JobStatusFields>> {
    const { rows } = await driverPool(this.dataSource).query<JobStatusFields>({
      ...this.statusQuery,
      values: [fileNames],
    });
    return new Map(rows.map((row) => [row.fileName, row]));
  }

  /**
   * Ids of unfinished jobs that may have lost their queue entry: waiting ones untouched since
   * `waitingBefore`, running ones (whose worker touches the row every second) since `runningBefore`.
   */
  async findIdleUnfinished(waitingBefore: Date, runningBefore: Date = waitingBefore): Promise<number[]> {
    const rows = await this.jobs
      .createQueryBuilder('job')
      .select('job.id', 'id')
      .where(
        new Brackets((where) =>
          where
            .where('job.job_status_id IN (:...waiting) AND job.update_date < :waitingBefore', {
              waiting: [JobStatus.Ready, JobStatus.Queued, JobStatus.Resumed],
              waitingBefore,
            })
            .orWhere('job.job_status_id = :running AND job.update_date < :runningBefore', {
              running: JobStatus.Running,
              runningBefore,
            }),
        ),
      )
      .orderBy('job.id')
      .getRawMany<{ id: number }>();
    return rows.map((row) => Number(row.id));
  }

  /** True while a worker is generating this file (its row is running and was touched within `withinMs`). */
  async isBeingGenerated(fileName: string, withinMs: number): Promise<boolean> {
    return this.jobs
      .createQueryBuilder('job')
      .where('job.file_name = :fileName', { fileName })
      .andWhere('job.job_status_id = :running', { running: JobStatus.Running })
      .andWhere('job.update_date > :since', { since: new Date(Date.now() - withinMs) })
      .getExists();
  }

  /**
   * Most recent reusable job for an identical canonical request updated since `notBefore`, whose file (if
   * finished) is neither deleted nor due for deletion before `keptUntil`.
   */
  findReusable(requestHash: string, notBefore: Date, keptUntil: Date): Promise<DownloadJobEntity | null> {
    return this.jobs
      .createQueryBuilder('job')
      .where('job.request_hash = :requestHash', { requestHash })
      .andWhere('job.job_status_id <> :failed', { failed: JobStatus.Failed })
      .andWhere('job.update_date >= :notBefore', { notBefore })
      .andWhere('job.file_removed_at IS NULL')
      .andWhere('(job.expires_at IS NULL OR job.expires_at > :keptUntil)', { keptUntil })
      .orderBy('job.update_date', 'DESC')
      .getOne();
  }

  /**
   * Claims the job for an attempt: a retry starts clean (counters and the old message cleared).
   * Returns null when the job is already finished, so a duplicate delivery does no work.
   */
  async startAttempt(id: number): Promise<DownloadJobEntity | null> {
    const result = await this.jobs
      .createQueryBuilder()
      .update(DownloadJobEntity)
      .set({
        statusId: JobStatus.Running,
        numberOfRows: '0',
        numberOfColumns: 0,
        fileSize: '0',
        fileSha256: null,
        errorMessage: null,
        startedAt: () => 'now()',
        finishedAt: null,
        updateDate: () => 'now()',
        attemptCount: () => 'attempt_count + 1',
      })
      .where({ id, statusId: In([JobStatus.Ready, JobStatus.Queued, JobStatus.Resumed, JobStatus.Running]) })
      .execute();
    return result.affected ? this.findById(id) : null;
  }

  async reportProgress(id: number, rows: number, columns: number): Promise<void> {
    await this.jobs.update(
      { id, statusId: JobStatus.Running },
      { numberOfRows: String(rows), numberOfColumns: columns, updateDate: () => 'now()' },
    );
  }

  /**
   * Records the finished file; `expiresAt` is when retention deletes it (null: kept until replaced). Only a
   * running job finishes: one cancelled meanwhile stays failed (its file goes with the retention sweep).
   */
  async finish(id: number, totals: DownloadTotals, expiresAt: Date | null = null): Promise<void> {
    await this.jobs.update(
      { id, statusId: JobStatus.Running },
      {
        expiresAt,
        statusId: JobStatus.Finished,
        numberOfRows: String(totals.rows),
        numberOfColumns: totals.columns,
        fileSize: String(totals.fileSize),
        fileSha256: totals.sha256,
        errorMessage: null,
        finishedAt: () => 'now()',
        updateDate: () => 'now()',
      },
    );
  }

  /** An attempt failed but the queue will try again: visible as `resumed`, nothing half-done reported. */
  async awaitRetry(id: number): Promise<void> {
    await this.jobs.update(
      { id, statusId: In([JobStatus.Running, JobStatus.Ready]) },
      { statusId: JobStatus.Resumed, fileSize: '0', updateDate: () => 'now()' },
    );
  }

  /**
   * An attempt handed back at shutdown: the job waits for another worker, and the attempt does not count
   * (it did not fail, it was interrupted on purpose).
   */
  async release(id: number): Promise<void> {
    await this.jobs.update(
      { id, statusId: JobStatus.Running },
      {
        statusId: JobStatus.Ready,
        fileSize: '0',
        attemptCount: () => 'GREATEST(attempt_count - 1, 0)',
        updateDate: () => 'now()',
      },
    );
  }

  /** Final failure; `message` is a human sentence (details belong in the logs). */
  async fail(id: number, message: string): Promise<void> {
    await this.jobs.update(
      { id, statusId: In([JobStatus.Ready, JobStatus.Queued, JobStatus.Resumed, JobStatus.Running]) },
      {
        statusId: JobStatus.Failed,
        errorMessage: message,
        finishedAt: () => 'now()',
        updateDate: () => 'now()',
      },
    );
  }
}
