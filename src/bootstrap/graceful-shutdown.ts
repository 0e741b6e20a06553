import type { Server } from 'node:http';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { DownloadProcessor } from '../generation/download.processor';

const logger = new Logger('Shutdown');

/**
 * Counts the HTTP requests being answered, so a shutdown can let them finish: stop accepting, wait for the
 * count to reach zero (at most the grace period), then cut what is left.
 */
export class InFlightRequests {
  private count = 0;
  private idle: (() => void) | undefined;

  constructor(private readonly server: Server) {
    server.on('request', (_request, response) => {
      this.count += 1;
      response.once('close', () => {
        this.count -= 1;
        if (this.count === 0) this.idle?.();
      });
    });
  }

  get size(): number {
    return this.count;
  }

  /** Stops accepting connections and resolves once the requests in flight are answered (or after `graceMs`). */
  async drain(graceMs: number): Promise<void> {
    this.server.close();
    // Keep-alive connections with no request in flight would otherwise hold the server open.
    this.server.closeIdleConnections();
    if (this.count > 0) {
      logger.log({ requests: this.count, graceMs }, 'Waiting for requests in flight');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    this.server.closeAllConnections();
  }
}

export interface ShutdownOptions {
  graceMs: number;
  /** The API's requests; absent in a worker process. */
  http?: InFlightRequests;
  /** False for an API whose worker runs elsewhere (default true). */
  runsWorker?: boolean;
}

/**
 * The orderly end of a process: the worker stops taking jobs and the API new connections at once; running
 * downloads and requests get the grace period; downloads still running then are handed back to the queue;
 * only then are the pools, the queue and the database closed (so nothing dies on a closed pool).
 */
export async function shutDown(app: INestApplicationContext, options: ShutdownOptions): Promise<void> {
  // Asked only where the processor exists: a failed app.get() goes to Nest's exception zone, which exits the
  // process with code 1 however the call is wrapped.
  const worker =
    options.runsWorker === false ? undefined : app.get(DownloadProcessor, { strict: false }).drain();
  await options.http?.drain(options.graceMs);
  await worker;
  await app.close(); // the processor's own destroy hook awaits the drain already under way
}

/** Replaces Nest's shutdown hooks: SIGTERM / SIGINT run shutDown once, then the process exits. */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  options: ShutdownOptions & { afterClose?: () => Promise<void> },
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log({ signal, graceMs: options.graceMs }, 'Shutting down');
    void shutDown(app, options)
      .then(() => options.afterClose?.())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'Shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
