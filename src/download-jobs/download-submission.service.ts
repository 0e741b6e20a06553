import { Injectable, Logger, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DataLoadDateRepository } from '../data-model/repositories/data-load-date.repository';
import {
  canonicalRequestHash,
  canonicalRequestJson,
} from '../download-request/canonical/canonical-request.util';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { DownloadTimestampClock } from '../download-request/file-names/download-timestamp.util';
import { DownloadLaneEstimator } from '../generation/download-lane.estimator';
import { DownloadQueue } from '../queue/download-queue';
import { SubmissionExtrasService } from '../download-extras/submission-extras.service';
import { reusableUntil } from '../retention/retention.util';
import { DownloadStatusService } from '../status/download-status.service';
import { DownloadJobRepository } from './download-job.repository';
import { downloadResponse, DownloadResponseDto } from './download-response.dto';

const ENQUEUE_TIMEOUT_MS = 5_000;
/** Names tried before giving up; a collision needs two processes in the same microsecond, so 2 is plenty. */
const NAME_ATTEMPTS = 5;

/** PostgreSQL's unique_violation on the file-name index. */
function isFileNameTaken(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && driverError.constraint === 'download_job_file_name_key';
}

export interface DownloadSubmission {
  /** The job kind a planner is registered for (`award`, `account`, ...). */
  requestType: string;
  /** The canonical `download_request` (already ordered). */
  canonicalRequest: object;
  /**
   * The zip name for a download timestamp from the process's one clock. Called only when a new job is
   * created (a cache hit keeps the earlier name), and again with a later timestamp should the name be
   * taken already (another API process minted the same microsecond).
   */
  fileName: (timestamp: string) => string;
}

/**
 * The one path from a normalized request to a queued job, shared by every download route: the
 * same-request cache, the job row, the queue, and the response.
 */
@Injectable()
export class DownloadSubmissionService {
  private readonly logger = new Logger('DownloadRequest');

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: DownloadJobRepository,
    private readonly queue: DownloadQueue,
    private readonly loadDates: DataLoadDateRepository,
    private readonly statuses: DownloadStatusService,
    private readonly clock: DownloadTimestampClock,
    private readonly lanes: DownloadLaneEstimator,
    // Beyond the reference (retention checks, cancel tokens, callbacks); absent in unit tests of this path.
    @Optional() private readonly extras?: SubmissionExtrasService,
  ) {}

  async submit(submission: DownloadSubmission): Promise<DownloadResponseDto> {
    const jsonRequest = canonicalRequestJson(submission.canonicalRequest);
    const requestHash = canonicalRequestHash(jsonRequest);
    const cached = await this.findCached(requestHash, jsonRequest);
    if (cached) {
      this.logger.log(
        { downloadJobId: cached.id, fileName: cached.fileName },
        'Same request already made; reusing its file',
      );
      return this.answer(cached);
    }
    const job = await this.createJob(submission, jsonRequest, requestHash);
    await this.enqueue(job);
    // The answer describes the job as created (`ready`), whatever a fast worker has done since.
    return this.answer(job);
  }

  /** Saves the job under a fresh name, taking the next timestamp should the name be in use already. */
  private async createJob(
    submission: DownloadSubmission,
    jsonRequest: string,
    requestHash: string,
  ): Promise<DownloadJobEntity> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.jobs.create({
          fileName: submission.fileName(this.clock.next()),
          requestType: submission.requestType,
          jsonRequest,
          requestHash,
        });
      } catch (error) {
        if (!isFileNameTaken(error) || attempt >= NAME_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The job row is already saved, so a queue outage must not fail the request: the workers' recovery
   * sweep queues any job left `ready` once Redis answers again.
   */
  private async enqueue(job: DownloadJobEntity): Promise<void> {
    const { id, fileName } = job;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('queue did not answer in time')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      // Known to be disconnected: do not wait for it, the recovery sweep queues the job once it is back.
      if (!this.queue.isConnected()) throw new Error('queue not connected');
      const lane = await Promise.race([this.lanes.laneOf(job), timeout]);
      await Promise.race([this.queue.enqueue(id, lane), timeout]);
      this.logger.log({ downloadJobId: id, fileName, lane, status: 'ready' }, 'Download queued');
    } catch (error) {
      this.logger.warn(
        { downloadJobId: id, fileName, err: error },
        'Queue unavailable; the recovery sweep will queue the job',
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * As the reference: a non-failed job for the byte-identical request, updated since data last changed; and
   * beyond it, one whose file is still stored and not about to expire.
   */
  private async findCached(requestHash: string, jsonRequest: string): Promise<DownloadJobEntity | null> {
    if (!this.config.downloadCacheEnabled) return null;
    const loadedAt = await this.loadDates.latestLoadDate();
    if (!loadedAt) return null;
    const job = await this.jobs.findReusable(requestHash, loadedAt, reusableUntil(this.config.extras));
    if (!job || job.jsonRequest !== jsonRequest) return null;
    // Never an expired or deleted file: the request then makes a new one.
    return !this.extras || (await this.extras.stillStored(job)) ? job : null;
  }

  /**
   * The answer for a job that already exists (a pre-generated file handed out instead of a new job): the same
   * shape as a new job's, from the job's row and stored request.
   */
  describeExisting(job: DownloadJobEntity): Promise<DownloadResponseDto> {
    return this.answer(job);
  }

  /** The reference's answer, then the fields this service adds for the requester it goes to. */
  private async answer(job: DownloadJobEntity): Promise<DownloadResponseDto> {
    const response = this.describe(job);
    return this.extras ? { ...response, ...(await this.extras.forRequester(job)) } : response;
  }

  private describe(job: DownloadJobEntity): DownloadResponseDto {
    const statusUrl = `${this.config.apiBaseUrl}/api/v2/download/status?file_name=${job.fileName}`;
    return downloadResponse(statusUrl, this.statuses.describe(job, new Date()), job.jsonRequest);
  }
}
