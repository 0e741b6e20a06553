import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** The reference's eight job statuses (ids are part of the wire contract of its admin tools). */
export enum JobStatus {
  Ready = 1,
  Running = 2,
  Finished = 3,
  Failed = 4,
  Queued = 5,
  Resumed = 6,
  Created = 7,
  Uploading = 8,
}

export const JOB_STATUS_NAMES: Record<JobStatus, string> = {
  [JobStatus.Ready]: 'ready',
  [JobStatus.Running]: 'running',
  [JobStatus.Finished]: 'finished',
  [JobStatus.Failed]: 'failed',
  [JobStatus.Queued]: 'queued',
  [JobStatus.Resumed]: 'resumed',
  [JobStatus.Created]: 'created',
  [JobStatus.Uploading]: 'uploading',
};

@Entity({ name: 'job_status' })
@Unique('job_status_name_key', ['name'])
export class JobStatusEntity {
  @PrimaryColumn({ name: 'job_status_id', type: 'integer' })
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'create_date', type: 'timestamptz', default: () => 'now()' })
  createDate: Date;

  @Column({ name: 'update_date', type: 'timestamptz', default: () => 'now()' })
  updateDate: Date;
}
