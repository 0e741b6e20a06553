import type { DownloadLane } from './download-lane';
import type { GenerateDownloadPayload } from './download-queue.constants';

export interface DeliveryInfo {
  /** 1-based count of how often the transport has handed this download to a worker. */
  delivery: number;
}

export type DownloadJobHandler = (payload: GenerateDownloadPayload, delivery: DeliveryInfo) => Promise<void>;

/** Thrown by a handler when trying again cannot help (bad request, broken query, last attempt): no retry. */
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
 * Thrown by a handler to have the download delivered again after `delayMs`. The handler decides the delay
 * because it counts attempts in the job row: a delivery released at shutdown is not an attempt (delay 0).
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/**
 * Transport of download ids from the API to workers: Bull on Redis, or an in-process runner in
 * zero-configuration mode. Job state itself lives in PostgreSQL, never here.
 */
export abstract class DownloadQueue {
  abstract readonly kind: 'bull' | 'in-process';
  /** Queues the download in `lane` (regular unless the submitter expects it to be small). */
  abstract enqueue(downloadJobId: number, lane?: DownloadLane): Promise<void>;
  /**
   * Starts consuming; called once by the worker (or by the API when it runs the worker in-process).
   * `concurrency` is the regular lane's; the fast lane gets FAST_LANE_CONCURRENCY slots besides.
   */
  abstract consume(handler: DownloadJobHandler, concurrency: number): void;
  /** Stops taking new deliveries (shutdown); deliveries already running go on. */
  abstract stopConsuming(): Promise<void>;
  /** Called with download ids whose job the queue gave up on outside the handler (stalled too often). */
  abstract onAbandoned(listener: (downloadJobId: number, reason: string) => void): void;
  /** Called whenever the transport (re)connects, so lost entries can be looked for at once. */
  abstract onReconnected(listener: () => void): void;
  /** True while the transport holds the download (waiting, delayed for a retry, or running). */
  abstract isPending(downloadJobId: number): Promise<boolean>;
  /** Fast: false while the transport is known to be disconnected (requests then skip it). */
  abstract isConnected(): boolean;
  /** Throws when the transport is unreachable (health check). */
  abstract check(): Promise<void>;
}
