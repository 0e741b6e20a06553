import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullDownloadQueue } from './bull-download.queue';
import { DownloadQueue } from './download-queue';
import { AppConfig } from '../config/app-config';
import { DOWNLOAD_QUEUE, downloadQueueSettings } from './download-queue.constants';
import { InProcessDownloadQueue } from './in-process-download.queue';
import { BullRedisConnections } from './bull-redis-client.factory';
import { FAST_DOWNLOAD_QUEUE } from './download-lane';

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
    const connections = new BullRedisConnections();
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          redis: redisUrl,
          prefix,
          // Commands fail instead of waiting in ioredis' offline queue while Redis is down, so nothing
          // that touches the queue can hang; Bull reconnects by itself.
          createClient: connections.create,
        }),
        // One queue per lane (see download-lane.ts), with the same retry and stall rules.
        ...[DOWNLOAD_QUEUE, FAST_DOWNLOAD_QUEUE].map((name) =>
          BullModule.registerQueue({
            name,
            settings: downloadQueueSettings(
              config.queueLockDurationMs,
              config.queueStalledIntervalMs,
              config.retryDelayMs,
            ),
          }),
        ),
      ],
      providers: [
        { provide: DownloadQueue, useClass: BullDownloadQueue },
        { provide: BullRedisConnections, useValue: connections },
      ],
      exports: [DownloadQueue],
    };
  }
}
