import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { isFabaAwardSummaryCurrent, refreshFabaAwardSummary } from '../../data-model/faba-award-summary';
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
    // Archives download every award's File C values: recomputing them once first beats once per row.
    const dataSource = app.get(DataSource);
    if (!(await isFabaAwardSummaryCurrent(dataSource))) {
      const awards = await refreshFabaAwardSummary(dataSource);
      new Logger('MonthlyArchives').log({ awards }, 'Refreshed faba_award_summary');
    }
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
