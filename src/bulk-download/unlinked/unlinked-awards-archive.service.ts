import { Injectable, Logger } from '@nestjs/common';
import { DownloadTimestampClock } from '../../download-request/file-names/download-timestamp.util';
import { PregeneratedFileService } from '../../pregenerated/pregenerated-file.service';
import { UnlinkedAgency, UnlinkedAgencyRepository } from './unlinked-agency.repository';
import { unlinkedArchiveObjectName, unlinkedArchivePrefix } from './unlinked-awards-name.util';
import { UNLINKED_AWARDS_REQUEST_TYPE, UnlinkedAwardsRequest } from './unlinked-awards.planner';

export interface UnlinkedRunReport {
  readonly produced: string[];
  readonly failed: string[];
  readonly removed: string[];
}

/**
 * `npm run unlinked-archives`: one `<Agency>_UnlinkedAwards_<TS>.zip` per agency into the storage folder
 * unlinked_awards_downloads/, through the same pipeline as every download. `<TS>` is taken once per run; an
 * agency's older archives are removed once its new one is stored. One agency failing does not stop the others.
 */
@Injectable()
export class UnlinkedAwardsArchiveService {
  private readonly logger = new Logger('UnlinkedAwards');
  constructor(
    private readonly clock: DownloadTimestampClock,
    private readonly agencies: UnlinkedAgencyRepository,
    private readonly files: PregeneratedFileService,
  ) {}

  async run(agencyCodes?: readonly string[]): Promise<UnlinkedRunReport> {
    const agencies = await this.selected(agencyCodes);
    const timestamp = this.clock.next();
    const report: UnlinkedRunReport = { produced: [], failed: [], removed: [] };
    for (const agency of agencies) {
      const objectName = unlinkedArchiveObjectName(agency.archiveName, timestamp);
      const request: UnlinkedAwardsRequest = { agency_name: agency.archiveName, toptier_code: agency.code };
      try {
        await this.files.generate({
          objectName,
          requestType: UNLINKED_AWARDS_REQUEST_TYPE,
          request,
          monthly: true,
        });
        report.produced.push(objectName);
        report.removed.push(
          ...(await this.files.removeOthers(unlinkedArchivePrefix(agency.archiveName), objectName)),
        );
      } catch (error) {
        this.logger.error({ agency: agency.code, err: error }, 'Unlinked-awards archive failed');
        report.failed.push(objectName);
      }
    }
    return report;
  }

  private async selected(codes?: readonly string[]): Promise<UnlinkedAgency[]> {
    const all = await this.agencies.reportingAgencies();
    if (!codes) return all;
    const unknown = codes.filter((code) => !all.some((agency) => agency.code === code));
    if (unknown.length) throw new Error(`No reporting agency has the toptier code(s) ${unknown.join(', ')}`);
    return all.filter((agency) => codes.includes(agency.code));
  }
}
