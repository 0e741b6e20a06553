import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullDownloadQueue } from './bull-download.queue';
import { DownloadQueue } from './download-queue';
import { AppConfig } from '../config/app-config';
import { DOWNLOAD_QUEUE, downloadQueueSettings } from './download-queue.constants';
import { InProcessDownloadQueue } from './in-process-download.queue';

/** Bull on Redis when REDIS_URL is set; otherwise the in-process runner of zero-configuration mode. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { redisUrl, queuePrefix: prefix } = config;
    if (!redisUrl) {
      return {
        module: QueueModule,
        providers: [{ provide: DownloadQueue, useClass: InProcessDownloadQueue }],
        exports: [DownloadQueue],
      };
    }
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({ redis: redisUrl, prefix }),
        BullModule.registerQueue({
          name: DOWNLOAD_QUEUE,
          settings: downloadQueueSettings(config.queueLockDurationMs, config.queueStalledIntervalMs),
        }),
      ],
      providers: [{ provide: DownloadQueue, useClass: BullDownloadQueue }],
      exports: [DownloadQueue],
    };
  }
}
