import { Inject, Injectable } from '@nestjs/common';
import {
  parseListUnlinkedAwardsRequest,
  unlinkedAgencyNotFound,
} from '../request/list-unlinked-awards-request.util';
import { PregeneratedJobRepository } from '../../pregenerated/pregenerated-job.repository';
import { STORAGE_DRIVER, StorageDriver } from '../../storage/storage.driver';
import { UnlinkedAgencyRepository } from './unlinked-agency.repository';
import { unlinkedArchivePrefix, withoutUnlinkedFolder } from './unlinked-awards-name.util';
import { UnlinkedAwardsFilesResponseDto } from './unlinked-awards-files.dto';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * POST /api/v2/bulk_download/list_unlinked_awards_files/: the newest finished unlinked-awards archive of one
 * agency, or nulls when it has none yet (still 200). Names must start with the agency's prefix and contain
 * `.zip` after it, as the reference's listing requires (its prefix is taken literally here).
 */
@Injectable()
export class UnlinkedAwardsFilesService {
  constructor(
    private readonly agencies: UnlinkedAgencyRepository,
    private readonly files: PregeneratedJobRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async list(body: unknown): Promise<UnlinkedAwardsFilesResponseDto> {
    const { toptierCode } = parseListUnlinkedAwardsRequest(body);
    const agency = await this.agencies.byCode(toptierCode);
    if (!agency) throw unlinkedAgencyNotFound(toptierCode);
    const prefix = unlinkedArchivePrefix(agency.archiveName);
    const pattern = new RegExp(`^${escapeRegExp(prefix)}.*\\.zip`);
    const newest = (await this.files.finished(prefix)).find((file) => pattern.test(file.objectName));
    return {
      file: {
        agency_name: agency.name,
        toptier_code: agency.code,
        agency_acronym: agency.abbreviation,
        file_name: newest ? withoutUnlinkedFolder(newest.objectName) : null,
        url: newest ? this.storage.publicUrl(newest.objectName) : null,
      },
      messages: [],
    };
  }
}
