import { Inject, Injectable, Logger } from '@nestjs/common';
import { pipeline as streamPipeline } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { DownloadJobRepository, DownloadTotals } from '../download-jobs/download-job.repository';
import { CancelWatchService } from '../cancel/cancel-watch.service';
import { Sha256Tap } from '../checksums/sha256-tap';
import { ProgressReporterService } from '../progress/progress-reporter.service';
import { storageFailureReason } from '../storage/storage-failure.util';
import { STORAGE_DRIVER, StorageDriver, StoredObject } from '../storage/storage.driver';
import { CopyStream, CopyStreamRepository } from './copy-stream.repository';
import { CsvPartSplitter } from './csv-part-splitter';
import { DownloadPlannerRegistry } from './download-planner.registry';
import { DownloadSource, FILE_FORMATS, FileFormat } from './download-plan';
import { DownloadProgress } from './download-progress';
import { GenerationAttempt } from './generation-attempt';
import { ParallelCopies } from './parallel-copies';
import { DatabaseStallError, StorageFailureError } from './generation-errors';
import { StallWatchdog } from './stall-watchdog';
import { ZipStreamBuilder } from './zip-stream.builder';

const PROGRESS_INTERVAL_MS = 1_000;
/** After a failure, how long the storage driver gets to discard its partial object before we move on. */
const DISCARD_TIMEOUT_MS = 15_000;

/**
 * Streams one job end to end: COPY → record splitter → zip entries → storage. Nothing is buffered
 * beyond a few chunks, and the zip becomes visible in storage only when it is complete.
 *
 * The producing side (planning, COPY, splitter, zip) and the storing side run concurrently and share one
 * GenerationAttempt: whichever fails first stops the other, and a watchdog fails an attempt in which
 * nothing has moved for GENERATION_STALL_TIMEOUT_MS, naming the stage that stopped.
 */
@Injectable()
export class DownloadGenerationService {
  private readonly logger = new Logger('DownloadGeneration');

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: DownloadJobRepository,
    private readonly planners: DownloadPlannerRegistry,
    private readonly copies: CopyStreamRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly cancels: CancelWatchService,
    private readonly progressReports: ProgressReporterService,
  ) {}

  /** `signal` aborts the attempt (shutdown); its reason becomes the attempt's failure. */
  async generate(job: DownloadJobEntity, signal?: AbortSignal): Promise<DownloadTotals> {
    const attempt = new GenerationAttempt(signal);
    const progress = new DownloadProgress();
    const watchdog = new StallWatchdog({
      timeoutMs: this.config.generationStallTimeoutMs,
      activity: () => progress.activity,
      onStall: (idleMs) => this.onStall(progress, attempt, idleMs),
    });
    const tracker = this.progressReports.begin(job.id);
    const ticker = setInterval(() => {
      void this.jobs.reportProgress(job.id, progress.rows, progress.columns).catch(() => undefined);
      void tracker.report(progress.rows).catch(() => undefined);
    }, PROGRESS_INTERVAL_MS);
    watchdog.start();
    const stopCancelWatch = this.cancels.watch(job.id, attempt);
    let saving: Promise<StoredObject> | undefined;
    try {
      const plan = await attempt.guard(this.planners.plan(job));
      tracker.planned(plan);
      const zip = new ZipStreamBuilder(this.config.zipCompressionLevel);
      progress.zip = zip;
      attempt.onFailure((error) => zip.fail(error));
      // The digest is taken on the way to storage: the stored bytes are never read back to hash them.
      // A failure on either side destroys both streams; it reaches us through save() like before.
      const tap = new Sha256Tap();
      // As the archive's: storage may attach after a failure; the error reaches us through save().
      tap.on('error', () => undefined);
      streamPipeline(zip.output, tap, () => undefined);
      // The stream storage holds is the tap: tear it down too, even if storage never read from it.
      attempt.onFailure((error) => tap.destroy(error));
      saving = this.storage
        .save(job.fileName, tap, () => ({ sha256: tap.digest }))
        .catch((error: unknown) => {
          throw new StorageFailureError(storageFailureReason(error), error);
        });
      const copies = new ParallelCopies(
        this.copies,
        plan.sources,
        FILE_FORMATS[plan.fileFormat].delimiter,
        this.config.copyParallelism,
        (error) => attempt.fail(error),
      );
      attempt.onFailure((error) => void copies.close(error));
      const producing = (async () => {
        for (const [index, source] of plan.sources.entries()) {
          await this.writeSource(zip, source, plan.fileFormat, progress, attempt, () => copies.open(index));
          tracker.fileDone();
        }
        await copies.close();
        for (const entry of plan.extraEntries ?? []) zip.addEntry(entry.name, entry.content);
        await zip.finalize();
      })();
      const [, stored] = await attempt.guard(Promise.all([producing, attempt.guard(saving)]));
      const sha256 = tap.digest;
      return { rows: progress.rows, columns: progress.columns, fileSize: stored.size, sha256 };
    } catch (error) {
      attempt.fail(error);
      // The driver removes its partial object (temp file, multipart upload) before the outcome is recorded.
      if (saving && !(await settlesWithin(saving, DISCARD_TIMEOUT_MS))) {
        this.logger.warn(
          { downloadJobId: job.id },
          'Storage did not finish discarding the partial file in time',
        );
      }
      throw attempt.error ?? error;
    } finally {
      watchdog.stop();
      stopCancelWatch();
      tracker.end();
      clearInterval(ticker);
    }
  }

  private async writeSource(
    zip: ZipStreamBuilder,
    source: DownloadSource,
    fileFormat: FileFormat,
    progress: DownloadProgress,
    attempt: GenerationAttempt,
    open: () => Promise<CopyStream>,
  ): Promise<void> {
    const { delimiter, extension } = FILE_FORMATS[fileFormat];
    if (source.sql === null) {
      zip.addEmptyEntry(`${source.baseName}.${extension}`);
      return;
    }
    const opening = open();
    // Should the attempt fail while the connection is being opened, it is still returned (or dropped).
    attempt.onFailure(
      (error) =>
        void opening.then(
          (copy) => copy.release(error),
          () => undefined,
        ),
    );
    const copy = await attempt.guard(opening);
    this.cancels.cancelQueryOnCancel(attempt, copy.backendPid);
    const splitter = new CsvPartSplitter({
      delimiter,
      rowLimit: this.config.rowsPerFilePart,
      openPart: (part) =>
        zip.openEntry(
          `${source.baseName}_${String(part).padStart(source.partDigits ?? 1, '0')}.${extension}`,
        ),
    });
    attempt.onFailure((error) => {
      copy.stream.destroy(error);
      splitter.destroy(error);
    });
    progress.start(copy, splitter);
    try {
      await attempt.guard(pipeline(copy.stream, splitter));
      copy.release();
    } catch (error) {
      copy.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    progress.complete();
  }

  /** Decides which stage stopped moving; fails the attempt unless the database is still working. */
  private async onStall(
    progress: DownloadProgress,
    attempt: GenerationAttempt,
    idleMs: number,
  ): Promise<boolean> {
    const seconds = Math.round(idleMs / 1000);
    if (!progress.zip) {
      attempt.fail(new DatabaseStallError(`the database did not answer for ${seconds} s`));
      return false;
    }
    const copy = progress.waitingForDatabase;
    if (copy) {
      // A big sort or aggregation can run for minutes before its first row: still working, not stalled.
      if (await this.copies.isQueryWorking(copy.backendPid)) return true;
      attempt.fail(new DatabaseStallError(`the database stopped sending rows for ${seconds} s`));
      return false;
    }
    attempt.fail(new StorageFailureError(`it took no data for ${seconds} s`));
    return false;
  }
}

/** True when `promise` settles (either way) within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
