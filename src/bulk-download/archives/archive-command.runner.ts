import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { ArchiveCommandModule } from './archive-command.module';
import { MonthlyArchiveService } from './monthly-archive.service';
import { ArchiveRunOptions, ArchiveRunReport } from './monthly-archive.types';

/** Runs one archive pass in its own application context and closes it; the caller decides the exit code. */
export async function runArchiveCommand(
  options: ArchiveRunOptions,
  config: AppConfig,
  databaseUrl: string,
): Promise<ArchiveRunReport> {
  const app = await NestFactory.createApplicationContext(ArchiveCommandModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  try {
    const report = await app.get(MonthlyArchiveService).run(options);
    new Logger('MonthlyArchives').log(
      {
        produced: report.produced.length,
        failed: report.failed,
        replaced: report.removed.length,
        deltaSince: report.deltaSince,
      },
      'Archive run done',
    );
    return report;
  } finally {
    await app.close();
  }
}
