import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JobStatus, JobStatusEntity } from './job-status.entity';

/**
 * One requested download. Mirrors the reference's `download_job` and adds what a dependable queue
 * needs: the canonical request hash (same-request cache), attempt count and start/finish times.
 */
@Entity({ name: 'download_job' })
@Index('download_job_request_hash_idx', ['requestHash', 'updateDate'])
@Index('download_job_status_idx', ['statusId'])
// Partial indexes (pre-generated file listings, one over text_pattern_ops; expiring downloads), which entity metadata cannot
// express: the migration owns them and schema comparison leaves them alone.
@Index('download_job_covid_profile_idx', { synchronize: false })
@Index('download_job_archive_name_idx', { synchronize: false })
@Index('download_job_expiring_idx', { synchronize: false })
export class DownloadJobEntity {
  @PrimaryGeneratedColumn({ name: 'download_job_id' })
  id: number;

  @Column({ name: 'job_status_id', type: 'integer' })
  statusId: JobStatus;

  @ManyToOne(() => JobStatusEntity)
  @JoinColumn({ name: 'job_status_id', foreignKeyConstraintName: 'download_job_job_status_id_fkey' })
  status?: JobStatusEntity;

  @Index('download_job_file_name_key', { unique: true })
  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'file_size', type: 'bigint', nullable: true })
  fileSize: string | null;

  @Column({ name: 'number_of_rows', type: 'bigint', nullable: true })
  numberOfRows: string | null;

  @Column({ name: 'number_of_columns', type: 'integer', nullable: true })
  numberOfColumns: number | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ name: 'create_date', type: 'timestamptz', default: () => 'now()' })
  createDate: Date;

  @Column({ name: 'update_date', type: 'timestamptz', default: () => 'now()' })
  updateDate: Date;

  @Column({ name: 'monthly_download', type: 'boolean', default: false })
  monthlyDownload: boolean;

  @Column({ name: 'json_request', type: 'text' })
  jsonRequest: string;

  @Column({ name: 'request_type', type: 'text' })
  requestType: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'attempt_count', type: 'integer', default: 0 })
  attemptCount: number;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** SHA-256 (hex) of the finished zip, computed while it streamed to storage. */
  @Column({ name: 'file_sha256', type: 'text', nullable: true })
  fileSha256: string | null;

  /** When a requested download's file is deleted (set when it finishes); null for archives, which runs replace. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** When the retention sweep deleted the file from storage. */
  @Column({ name: 'file_removed_at', type: 'timestamptz', nullable: true })
  fileRemovedAt: Date | null;

  // Progress of a running job beyond number_of_rows (see ProgressTracker).
  @Column({ name: 'rows_expected', type: 'bigint', nullable: true })
  rowsExpected: string | null;

  @Column({ name: 'files_done', type: 'integer', nullable: true })
  filesDone: number | null;

  @Column({ name: 'files_total', type: 'integer', nullable: true })
  filesTotal: number | null;

  @Column({ name: 'progress_percent', type: 'double precision', nullable: true })
  progressPercent: number | null;

  @Column({ name: 'seconds_remaining', type: 'integer', nullable: true })
  secondsRemaining: number | null;
}
