import { Inject, Injectable } from '@nestjs/common';
import {
  canonicalRequestHash,
  canonicalRequestJson,
} from '../../download-request/canonical/canonical-request.util';
import { MONTHLY_DELTA_REQUEST_TYPE } from '../../awards-download/award-download.planner';
import { BulkAwardRequest } from '../request/bulk-award-request.types';
import { DownloadJobRepository, DownloadTotals } from '../../download-jobs/download-job.repository';
import { DownloadGenerationService } from '../../generation/download-generation.service';
import { STORAGE_DRIVER, StorageDriver } from '../../storage/storage.driver';
import { ArchiveJobRepository } from './archive-job.repository';

/** Set on a failed archive's job row; the cause is in the command's log. */
const FAILURE_MESSAGE = 'The archive could not be generated; the archive command logged the cause.';

/**
 * Produces one archive through the same pipeline as every download: a `download_job` row (monthly) holding the
 * canonical bulk request, generated in this process by DownloadGenerationService into `award_data_archive/`.
 */
@Injectable()
export class ArchiveGeneratorService {
  constructor(
    private readonly jobs: DownloadJobRepository,
    private readonly archiveJobs: ArchiveJobRepository,
    private readonly generation: DownloadGenerationService,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  /** `delta`: the archive is a monthly delta of that window (its own request type and stored `delta` member). */
  async generate(
    objectName: string,
    request: BulkAwardRequest,
    delta?: { since: string; until: string; toptier_code: string | null },
  ): Promise<DownloadTotals> {
    // A second run on the same day rebuilds the archive under the same name.
    await this.archiveJobs.removeByName(objectName);
    const jsonRequest = canonicalRequestJson(delta ? { ...request, delta } : request);
    const job = await this.jobs.create({
      fileName: objectName,
      requestType: delta ? MONTHLY_DELTA_REQUEST_TYPE : 'award',
      jsonRequest,
      // Salted so that a client's identical bulk request never gets an archive from the same-request cache.
      requestHash: canonicalRequestHash(`monthly_download\n${jsonRequest}`),
      monthlyDownload: true,
    });
    const running = await this.jobs.startAttempt(job.id);
    if (!running) throw new Error(`Archive job ${job.id} could not be started`);
    try {
      const totals = await this.generation.generate(running);
      await this.jobs.finish(job.id, totals);
      return totals;
    } catch (error) {
      await this.jobs.fail(job.id, FAILURE_MESSAGE);
      throw error;
    }
  }

  /**
   * Deletes the archives starting with `prefix` other than `keep` (objects and rows): each slice keeps only its
   * latest file, as the reference's monthly job does.
   */
  async removeOlder(prefix: string, keep: string): Promise<string[]> {
    const older = (await this.archiveJobs.allNames(prefix)).filter((name) => name !== keep);
    for (const name of older) {
      await this.storage.remove(name);
      await this.archiveJobs.removeByName(name);
    }
    return older;
  }
}
