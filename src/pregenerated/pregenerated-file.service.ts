import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  canonicalRequestHash,
  canonicalRequestJson,
} from '../download-request/canonical/canonical-request.util';
import { DownloadJobRepository, DownloadTotals } from '../download-jobs/download-job.repository';
import { DownloadGenerationService } from '../generation/download-generation.service';
import { STORAGE_DRIVER, StorageDriver } from '../storage/storage.driver';
import { PregeneratedJobRepository } from './pregenerated-job.repository';

/** Set on a failed file's job row; the cause is in the command's log. */
const FAILURE_MESSAGE = 'The file could not be generated; the command that produces it logged the cause.';

export interface PregeneratedFile {
  /** The storage object name (also the job's `file_name`). */
  readonly objectName: string;
  /** The planner that builds its files. */
  readonly requestType: string;
  /** What the planner reads (stored canonical, like every job's request). */
  readonly request: object;
  /**
   * Folder files are bookkept like the monthly archives (`monthly_download`); the COVID-19 profile is a plain
   * job at the storage root, as in the reference, so the download routes can hand it out.
   */
  readonly monthly: boolean;
}

/**
 * Generates a file that a command produces ahead of requests, through the same pipeline as every download:
 * a `download_job` row, generated in this process by DownloadGenerationService into storage. A failure marks
 * the row failed (never left running) and is rethrown for the command's exit code.
 */
@Injectable()
export class PregeneratedFileService {
  private readonly logger = new Logger('PregeneratedFiles');

  constructor(
    private readonly jobs: DownloadJobRepository,
    private readonly pregenerated: PregeneratedJobRepository,
    private readonly generation: DownloadGenerationService,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async generate(file: PregeneratedFile): Promise<DownloadTotals> {
    const jsonRequest = canonicalRequestJson(file.request);
    // A folder file made again under the same name (a second run on the same day) replaces the first.
    if (file.monthly) await this.pregenerated.removeByName(file.objectName);
    const job = await this.jobs.create({
      fileName: file.objectName,
      requestType: file.requestType,
      jsonRequest,
      // Salted: a client's request can never be answered with this job by the same-request cache.
      requestHash: canonicalRequestHash(`pregenerated\n${jsonRequest}`),
      monthlyDownload: file.monthly,
    });
    const running = await this.jobs.startAttempt(job.id);
    if (!running) throw new Error(`Job ${job.id} could not be started`);
    try {
      const totals = await this.generation.generate(running);
      await this.jobs.finish(job.id, totals);
      this.logger.log({ fileName: file.objectName, ...totals }, 'Pre-generated file stored');
      return totals;
    } catch (error) {
      await this.jobs.fail(job.id, FAILURE_MESSAGE);
      throw error;
    }
  }

  /** Deletes the folder files starting with `prefix` other than `keep` (objects and rows). */
  async removeOthers(prefix: string, keep: string): Promise<string[]> {
    const others = (await this.pregenerated.names(prefix)).filter((name) => name !== keep);
    for (const name of others) {
      await this.storage.remove(name);
      await this.pregenerated.removeByName(name);
    }
    return others;
  }
}
