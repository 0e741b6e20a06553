import { Module } from '@nestjs/common';
import { ExpiredFilesSweeper } from '../retention/expired-files.sweeper';
import { RetentionRepository } from '../retention/retention.repository';
import { StorageModule } from '../storage/storage.module';

/** The background work of what this service adds to the reference (runs wherever the queue is consumed). */
@Module({
  imports: [StorageModule],
  providers: [RetentionRepository, ExpiredFilesSweeper],
  exports: [ExpiredFilesSweeper],
})
export class ExtrasWorkerModule {}
