/**
 * Failures of a generation attempt that carry a sentence for the job's `message`. Internals (addresses,
 * paths, driver messages) stay in `cause`, which only the logs show.
 */

/** The storage side failed or stalled: retried like an outage, then reported with this sentence. */
export class StorageFailureError extends Error {
  constructor(reason: string, cause?: unknown) {
    super(`Storage did not accept the file: ${reason}.`, { cause });
    this.name = 'StorageFailureError';
  }
}

/** The database side stopped producing rows without an error (a frozen server, a dead connection). */
export class DatabaseStallError extends Error {
  constructor(reason: string, cause?: unknown) {
    super(`The download could not be generated: ${reason}.`, { cause });
    this.name = 'DatabaseStallError';
  }
}

/** Abort reason of an attempt this worker hands back at shutdown; not a failure of the download. */
export class AttemptReleasedError extends Error {
  constructor() {
    super('The worker is shutting down; the download was handed back to the queue.');
    this.name = 'AttemptReleasedError';
  }
}
