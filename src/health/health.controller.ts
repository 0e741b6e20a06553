import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DownloadQueue } from '../queue/download-queue';
import { STORAGE_DRIVER, StorageDriver } from '../storage/storage.driver';

type Check = { status: 'up' } | { status: 'down'; error: string };

async function probe(action: () => Promise<unknown>): Promise<Check> {
  try {
    await action();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: DownloadQueue,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Reachability of PostgreSQL, Redis (when used) and storage; 503 if any is down' })
  async check(@Res() response: Response): Promise<void> {
    const [database, queue, storage] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      this.queue.kind === 'bull' ? probe(() => this.queue.check()) : Promise.resolve(undefined),
      probe(() => this.storage.check()),
    ]);
    const checks = { database, redis: queue, storage: { ...storage, driver: this.storage.kind } };
    const healthy = [database, queue, storage].every((check) => check === undefined || check.status === 'up');
    response
      .status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: healthy ? 'ok' : 'error', queue: this.queue.kind, ...checks });
  }
}
