export type Dependency = 'database' | 'queue' | 'storage';

/**
 * A backing service cannot be used right now. The exception filter answers 503 naming the service (never
 * its address), and the client is expected to try again; nothing about the request itself was wrong.
 */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: Dependency,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DependencyUnavailableError';
  }
}
