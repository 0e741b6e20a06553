import { Inject, Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { JOB_STATUS_NAMES, JobStatus } from '../database/entities/job-status.entity';
import { DownloadJobRepository, JobStatusFields } from '../download-jobs/download-job.repository';
import { STORAGE_DRIVER, StorageDriver } from '../storage/storage.driver';
import { DownloadStatusDto } from './download-status.dto';
import { statusExtras } from './status-extras';

@Injectable()
export class DownloadStatusService {
  constructor(
    private readonly jobs: DownloadJobRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async getStatus(fileNameParameter: unknown): Promise<DownloadStatusDto> {
    // A repeated parameter counts once, with its last value (as the reference's query dict reads it).
    const fileName: unknown = Array.isArray(fileNameParameter) ? fileNameParameter.at(-1) : fileNameParameter;
    if (typeof fileName !== 'string' || fileName === '') {
      throw new ApiError(
        ApiErrorCode.InvalidParameter,
        'Missing one or more required query parameters: file_name',
      );
    }
    const job = await this.jobs.findStatusByFileName(fileName);
    if (!job) {
      throw new ApiError(ApiErrorCode.NotFound, `Download job with filename ${fileName} does not exist.`);
    }
    return this.describe(job, new Date());
  }

  describe(job: JobStatusFields, now: Date): DownloadStatusDto {
    const fileUrl = this.storage.publicUrl(job.fileName);
    const size = job.fileSize === null ? 0 : Number(job.fileSize);
    return {
      status: JOB_STATUS_NAMES[job.statusId],
      message: job.errorMessage,
      file_name: job.fileName,
      file_url: fileUrl,
      total_size: size > 0 ? size / 1000 : null,
      total_columns: job.numberOfColumns,
      total_rows: job.numberOfRows === null ? null : Number(job.numberOfRows),
      seconds_elapsed: secondsElapsed(job, now),
      url: fileUrl,
      ...statusExtras(job, now),
    };
  }
}

/** As the reference: running → now − created; finished/failed → last update − created; else null. */
function secondsElapsed(job: JobStatusFields, now: Date): string | null {
  let end: Date;
  if (job.statusId === JobStatus.Running) end = now;
  else if (job.statusId === JobStatus.Finished || job.statusId === JobStatus.Failed) end = job.updateDate;
  else return null;
  const seconds = Math.max(0, end.getTime() - job.createDate.getTime()) / 1000;
  // Python prints whole floats with one decimal ("10.0"); clients may parse either way.
  return Number.isInteger(seconds) ? seconds.toFixed(1) : String(seconds);
}
