/**
 * The failure state of one generation attempt, shared by all its stages (planning, COPY, splitter, zip,
 * storage). The first failure wins and is the one reported; every stage registers how to stop itself, so
 * one failure anywhere stops all of them at once instead of leaving some waiting on a dead peer (the zip
 * waiting on a storage write that will never drain, a COPY waiting on a zip that will never read).
 */
export class GenerationAttempt {
  private failure: Error | undefined;
  private rejectFailed!: (error: Error) => void;
  private readonly failed: Promise<never>;
  private readonly stops: ((error: Error) => void)[] = [];

  constructor(signal?: AbortSignal) {
    this.failed = new Promise<never>((_resolve, reject) => (this.rejectFailed = reject));
    this.failed.catch(() => undefined); // observed through guard(); never an unhandled rejection
    if (signal?.aborted) this.fail(signal.reason);
    signal?.addEventListener('abort', () => this.fail(signal.reason), { once: true });
  }

  /** The failure that ended the attempt, if any. */
  get error(): Error | undefined {
    return this.failure;
  }

  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.rejectFailed(this.failure);
    for (const stop of this.stops.splice(0)) {
      try {
        stop(this.failure);
      } catch {
        // A stage that cannot be stopped cleanly is abandoned; the attempt has failed either way.
      }
    }
  }

  /** Registers how to stop a stage; runs at once if the attempt has already failed. */
  onFailure(stop: (error: Error) => void): void {
    if (this.failure) stop(this.failure);
    else this.stops.push(stop);
  }

  /** Settles with `work`, or rejects as soon as the attempt fails; a rejection of `work` fails the attempt. */
  guard<T>(work: Promise<T>): Promise<T> {
    work.catch((error: unknown) => this.fail(error));
    return Promise.race([work, this.failed]);
  }
}
