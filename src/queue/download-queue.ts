import { GenerateDownloadPayload } from './download-queue.constants';

export interface AttemptInfo {
  /** 1-based number of this attempt. */
  attempt: number;
  maxAttempts: number;
}

export type DownloadJobHandler = (payload: GenerateDownloadPayload, attempt: AttemptInfo) => Promise<void>;

/** Thrown by a handler when trying again cannot help (bad request, broken query): no retry. */
export class PermanentJobError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/**
 * Transport of download ids from the API to workers: Bull on Redis, or an in-process runner in
 * zero-configuration mode. Job state itself lives in PostgreSQL, never here.
 */
export abstract class DownloadQueue {
  abstract readonly kind: 'bull' | 'in-process';
  abstract enqueue(downloadJobId: number): Promise<void>;
  /** Starts consuming; called once by the worker (or by the API when it runs the worker in-process). */
  abstract consume(handler: DownloadJobHandler, concurrency: number): void;
  /** Called with download ids whose job the queue gave up on outside the handler (stalled too often). */
  abstract onAbandoned(listener: (downloadJobId: number, reason: string) => void): void;
  /** True while the transport holds the download (waiting, delayed for a retry, or running). */
  abstract isPending(downloadJobId: number): Promise<boolean>;
  /** Throws when the transport is unreachable (health check). */
  abstract check(): Promise<void>;
}
