import { Inject, Injectable } from '@nestjs/common';
import { agencyNotFound, parseListMonthlyFilesRequest } from '../request/list-monthly-files-request.util';
import { STORAGE_DRIVER, StorageDriver } from '../../storage/storage.driver';
import { ToptierAgencyRepository } from '../agencies/toptier-agency.repository';
import {
  ALL_AGENCIES_CODE,
  archiveFileName,
  archiveObjectName,
  archiveUpdatedDate,
  deltaArchivePrefix,
  fullArchivePrefix,
} from './archive-file-name.util';
import { ArchiveJobRepository } from './archive-job.repository';
import { MonthlyFileDto, MonthlyFilesResponseDto } from './monthly-files.dto';

interface ListedAgency {
  readonly code: string;
  readonly name: string;
  readonly abbreviation: string | null;
}

/** [file name, updated date, SHA-256] */
type MatchingArchive = [string, string, string | null];

const ALL_AGENCIES: ListedAgency = { code: ALL_AGENCIES_CODE, name: 'All', abbreviation: null };

/** POST /api/v2/bulk_download/list_monthly_files/: the finished archives of one agency, year and type. */
@Injectable()
export class MonthlyFilesService {
  constructor(
    private readonly agencies: ToptierAgencyRepository,
    private readonly archiveJobs: ArchiveJobRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async list(body: unknown): Promise<MonthlyFilesResponseDto> {
    const request = parseListMonthlyFilesRequest(body);
    const agency = request.agency === 'all' ? ALL_AGENCIES : await this.agencies.findById(request.agency);
    if (!agency) throw agencyNotFound(request.agency);
    const fullPrefix = fullArchivePrefix(request.fiscalYearText, agency.code, request.fileType);
    const deltaPrefix = deltaArchivePrefix(agency.code, request.fileType);
    const item = ([fileName, updatedDate, sha256]: MatchingArchive, fiscalYear: unknown): MonthlyFileDto => ({
      fiscal_year: fiscalYear,
      agency_name: agency.name,
      agency_acronym: agency.abbreviation,
      type: request.type,
      updated_date: updatedDate,
      file_name: fileName,
      url: this.storage.publicUrl(archiveObjectName(fileName)),
      sha256,
    });
    const full = await this.matching(fullPrefix, 'Full');
    const delta = await this.matching(deltaPrefix, 'Delta');
    return {
      monthly_files: [
        ...full.map((archive) => item(archive, request.fiscalYear)),
        ...delta.map((archive) => item(archive, null)),
      ],
    };
  }

  /** The finished archives named exactly `<prefix>_<kind>_<YYYYMMDD>.zip`. */
  private async matching(prefix: string, kind: 'Full' | 'Delta'): Promise<MatchingArchive[]> {
    const archives = await this.archiveJobs.finished(archiveObjectName(`${prefix}_${kind}_`));
    return archives.flatMap(({ objectName, sha256 }): MatchingArchive[] => {
      const fileName = archiveFileName(objectName);
      const date = archiveUpdatedDate(fileName, prefix, kind);
      return date ? [[fileName, date, sha256]] : [];
    });
  }
}
