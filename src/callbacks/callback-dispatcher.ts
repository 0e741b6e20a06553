import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicPass } from '../common/periodic-pass';
import { AppConfig } from '../config/app-config';
import { callbacksEnabled } from '../config/extras-config';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { DownloadStatusService } from '../status/download-status.service';
import { CallbackRepository, DueCallback } from './callback.repository';
import { callbackSignature, SIGNATURE_HEADER } from './callback-signature.util';
import { isAllowedHost } from './callback-url.rule';

const POLL_MS = 1_000;
const BATCH = 20;

/**
 * Delivers completion callbacks: one POST of the job's status body (as the status route answers it) to each
 * requester's callback_url once the job has finished or failed, signed with HMAC-SHA256. A delivery that gets
 * no 2xx is tried again with doubling delays, CALLBACK_ATTEMPTS times in all. Runs in every worker; a claimed
 * callback is leased, so exactly one worker sends it. Redirects are not followed (they could leave the
 * allowed hosts).
 */
@Injectable()
export class CallbackDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DownloadCallback');
  private readonly passes = new PeriodicPass(() => this.deliverDue());

  constructor(
    private readonly config: AppConfig,
    private readonly callbacks: CallbackRepository,
    private readonly jobs: DownloadJobRepository,
    private readonly statuses: DownloadStatusService,
  ) {}

  onApplicationBootstrap(): void {
    if (!callbacksEnabled(this.config.extras)) return;
    this.passes.start(POLL_MS);
  }

  onModuleDestroy(): Promise<void | undefined> {
    return this.passes.stop();
  }

  /** One pass over the due callbacks (overlapping calls share it). */
  dispatch(): Promise<void> {
    return this.passes.run();
  }

  private async deliverDue(): Promise<void> {
    const { callbackTimeoutMs } = this.config.extras;
    let due: DueCallback[];
    try {
      due = await this.callbacks.claimDue(BATCH, callbackTimeoutMs + 5_000);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not read the callbacks due; trying again shortly');
      return;
    }
    await Promise.all(due.map((callback) => this.deliver(callback)));
  }

  private async deliver(callback: DueCallback): Promise<void> {
    const { callbackSecret, callbackTimeoutMs, callbackAttempts, callbackRetryDelayMs } = this.config.extras;
    const context = { downloadJobId: callback.downloadJobId, attempt: callback.attempts + 1 };
    try {
      const job = await this.jobs.findById(callback.downloadJobId);
      if (!job) return await this.callbacks.failed(callback.requesterId, 'the job no longer exists', null);
      // The allowed hosts may have changed since the request was accepted.
      if (!isAllowedHost(new URL(callback.url), this.config.extras))
        return await this.callbacks.failed(callback.requesterId, 'host no longer allowed', null);
      const body = JSON.stringify(this.statuses.describe(job, new Date()));
      const response = await fetch(callback.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [SIGNATURE_HEADER]: callbackSignature(callbackSecret!, body),
          'X-Download-Delivery': `${callback.requesterId}-${context.attempt}`,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(callbackTimeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) throw new Error(`answered HTTP ${response.status}`);
      await this.callbacks.delivered(callback.requesterId);
      this.logger.log(context, 'Callback delivered');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const last = context.attempt >= callbackAttempts;
      const retryInMs = last ? null : callbackRetryDelayMs * 2 ** (context.attempt - 1);
      this.logger.warn(
        { ...context, reason, retryInMs },
        last ? 'Callback given up' : 'Callback failed; will retry',
      );
      await this.callbacks.failed(callback.requesterId, reason, retryInMs).catch(() => undefined);
    }
  }
}
