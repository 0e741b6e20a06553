import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CsvDownloadsController } from './csv-downloads.controller';
import { LocalStorageDriver } from './local-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import { STORAGE_DRIVER, StorageDriver } from './storage.driver';

/** The active StorageDriver (chosen by STORAGE_DRIVER) and the route that serves its files. */
@Module({
  controllers: [CsvDownloadsController],
  providers: [{ provide: STORAGE_DRIVER, inject: [AppConfig], useFactory: createStorageDriver }],
  exports: [STORAGE_DRIVER],
})
export class StorageModule {}

function createStorageDriver(config: AppConfig): StorageDriver {
  switch (config.storage) {
    case 'local':
      return new LocalStorageDriver(config.localStorageDir, config.filesBaseUrl);
    case 's3':
      // AppConfig only fills `s3` for STORAGE_DRIVER=s3, so its absence is a programming error.
      if (!config.s3) throw new Error('S3 storage selected but no S3 configuration was read');
      return new S3StorageDriver(config.s3, config.filesBaseUrl);
  }
}
