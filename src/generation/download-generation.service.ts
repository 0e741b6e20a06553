import { Inject, Injectable } from '@nestjs/common';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { DownloadJobRepository, DownloadTotals } from '../download-jobs/download-job.repository';
import { STORAGE_DRIVER, StorageDriver } from '../storage/storage.driver';
import { CopyStreamRepository } from './copy-stream.repository';
import { CsvPartSplitter } from './csv-part-splitter';
import { DownloadPlannerRegistry } from './download-planner.registry';
import { DownloadSource, FILE_FORMATS, FileFormat } from './download-plan';
import { ZipStreamBuilder } from './zip-stream.builder';

const PROGRESS_INTERVAL_MS = 1_000;

/**
 * Streams one job end to end: COPY → record splitter → zip entries → storage. Nothing is buffered
 * beyond a few chunks, and the zip becomes visible in storage only when it is complete.
 */
@Injectable()
export class DownloadGenerationService {
  constructor(
    private readonly config: AppConfig,
    private readonly jobs: DownloadJobRepository,
    private readonly planners: DownloadPlannerRegistry,
    private readonly copies: CopyStreamRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {}

  async generate(job: DownloadJobEntity): Promise<DownloadTotals> {
    const plan = await this.planners.get(job.requestType).plan(job);
    const zip = new ZipStreamBuilder(this.config.zipCompressionLevel);
    const saved = this.storage.save(job.fileName, zip.output);
    saved.catch(() => undefined); // awaited below; this only prevents an unhandled rejection meanwhile
    const progress = new DownloadProgress();
    const ticker = setInterval(() => {
      void this.jobs.reportProgress(job.id, progress.rows, progress.columns).catch(() => undefined);
    }, PROGRESS_INTERVAL_MS);
    try {
      for (const source of plan.sources) {
        await this.writeSource(zip, source, plan.fileFormat, progress);
      }
      for (const entry of plan.extraEntries ?? []) zip.addEntry(entry.name, entry.content);
      await zip.finalize();
      const stored = await saved;
      return { rows: progress.rows, columns: progress.columns, fileSize: stored.size };
    } catch (error) {
      zip.fail(error instanceof Error ? error : new Error(String(error)));
      await saved.catch(() => undefined); // let the driver finish discarding the partial object
      throw error;
    } finally {
      clearInterval(ticker);
    }
  }

  private async writeSource(
    zip: ZipStreamBuilder,
    source: DownloadSource,
    fileFormat: FileFormat,
    progress: DownloadProgress,
  ): Promise<void> {
    const { delimiter, extension } = FILE_FORMATS[fileFormat];
    if (source.sql === null) {
      zip.addEmptyEntry(`${source.baseName}.${extension}`);
      return;
    }
    const copy = await this.copies.open(source.sql, delimiter);
    const splitter = new CsvPartSplitter({
      delimiter,
      rowLimit: this.config.rowsPerFilePart,
      openPart: (part) =>
        zip.openEntry(
          `${source.baseName}_${String(part).padStart(source.partDigits ?? 1, '0')}.${extension}`,
        ),
    });
    progress.current = splitter;
    try {
      await pipeline(copy.stream, splitter);
      copy.release();
    } catch (error) {
      copy.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    progress.complete(splitter);
  }
}

/** Rows and columns written so far: the finished files' totals plus the file being written. */
class DownloadProgress {
  current: CsvPartSplitter | undefined;
  private finishedRows = 0;
  columns = 0;

  get rows(): number {
    return this.finishedRows + (this.current?.rows ?? 0);
  }

  complete(splitter: CsvPartSplitter): void {
    this.finishedRows += splitter.rows;
    this.columns += splitter.columns;
    this.current = undefined;
  }
}
