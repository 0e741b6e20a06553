import { Module } from '@nestjs/common';
import { ExpiredFilesSweeper } from '../retention/expired-files.sweeper';
import { RetentionRepository } from '../retention/retention.repository';
import { StorageModule } from '../storage/storage.module';
import { CallbackDispatcher } from '../callbacks/callback-dispatcher';
import { CallbackRepository } from '../callbacks/callback.repository';
import { StatusModule } from '../status/status.module';

/** The background work of what this service adds to the reference (runs wherever the queue is consumed). */
@Module({
  imports: [StorageModule, StatusModule],
  providers: [RetentionRepository, ExpiredFilesSweeper, CallbackRepository, CallbackDispatcher],
  exports: [ExpiredFilesSweeper, CallbackDispatcher],
})
export class ExtrasWorkerModule {}
