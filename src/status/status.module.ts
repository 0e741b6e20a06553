import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module';
import { DownloadStatusController } from './download-status.controller';
import { DownloadStatusService } from './download-status.service';

@Module({
  imports: [StorageModule],
  controllers: [DownloadStatusController],
  providers: [DownloadStatusService],
  exports: [DownloadStatusService],
})
export class StatusModule {}
