import { Inject, Injectable } from '@nestjs/common';
import { PregeneratedJobRepository } from '../../pregenerated/pregenerated-job.repository';
import { DATABASE_DOWNLOAD_FOLDER } from '../../storage/object-name.util';
import { STORAGE_DRIVER, StorageDriver } from '../../storage/storage.driver';
import { DatabaseDownloadFileDto, DatabaseDownloadFilesResponseDto } from './database-download-files.dto';
import { databaseDownloadPrefix, DatabaseDownloadKind } from './database-download-names.util';

/**
 * GET /api/v2/bulk_download/list_database_download_files/: the newest finished full and subset database
 * downloads (`npm run database-download`), nulls for a kind that has none. Takes no parameters.
 */
@Injectable()
export class DatabaseDownloadFilesService {
  constructor(
    private readonly files: PregeneratedJobRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async list(): Promise<DatabaseDownloadFilesResponseDto> {
    return {
      full_download_file: await this.newest('full'),
      subset_download_file: await this.newest('subset'),
      messages: [],
    };
  }

  private async newest(kind: DatabaseDownloadKind): Promise<DatabaseDownloadFileDto> {
    const prefix = databaseDownloadPrefix(kind);
    const newest = (await this.files.finished(prefix)).find((file) =>
      /\.zip/.test(file.objectName.slice(prefix.length)),
    );
    if (!newest) return { file_name: null, url: null };
    return {
      file_name: newest.objectName.slice(`${DATABASE_DOWNLOAD_FOLDER}/`.length),
      url: this.storage.publicUrl(newest.objectName),
    };
  }
}
