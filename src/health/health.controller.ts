import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { isConnectionFailure, isDatabaseUnavailable } from '../common/outage.util';
import { DownloadQueue } from '../queue/download-queue';
import { storageFailureReason } from '../storage/storage-failure.util';
import { STORAGE_DRIVER, StorageDriver } from '../storage/storage.driver';

type Check = { status: 'up' } | { status: 'down'; error: string };

/** Each dependency gets this long, all at once, so /health answers within 2 s whatever is down. */
const PROBE_TIMEOUT_MS = 1_500;

class ProbeTimeout extends Error {}

/** Runs one probe; a failure is described in words, never with the internal address from the error. */
async function probe(action: () => Promise<unknown>, describe: (error: unknown) => string): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout()), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([action(), timeout]);
    return { status: 'up' };
  } catch (error) {
    if (error instanceof ProbeTimeout)
      return { status: 'down', error: `no answer within ${PROBE_TIMEOUT_MS} ms` };
    return { status: 'down', error: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

const describeDatabase = (error: unknown): string =>
  isDatabaseUnavailable(error) ? 'unreachable' : 'the check query failed';
const describeQueue = (error: unknown): string =>
  isConnectionFailure(error) ? 'unreachable' : 'not connected';

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
      probe(() => this.dataSource.query('SELECT 1'), describeDatabase),
      this.queue.kind === 'bull'
        ? probe(() => this.queue.check(), describeQueue)
        : Promise.resolve(undefined),
      probe(() => this.storage.check(), storageFailureReason),
    ]);
    const checks = { database, redis: queue, storage: { ...storage, driver: this.storage.kind } };
    const healthy = [database, queue, storage].every((check) => check === undefined || check.status === 'up');
    response
      .status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: healthy ? 'ok' : 'error', queue: this.queue.kind, ...checks });
  }
}
