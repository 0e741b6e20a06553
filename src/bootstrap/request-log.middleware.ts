import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { LogLevel } from '../config/app-config';

const LOGS_REQUESTS: ReadonlySet<LogLevel> = new Set(['info', 'debug', 'trace']);

/**
 * One line per request, in pino-http's shape (`req`, `res`, `responseTime` in ms), or no middleware at all when
 * the level is above info. It replaces pino-http's middleware, which also gave every request a child logger
 * and an async-local store that nothing here reads: a quarter of the CPU of a status poll, even with request
 * lines switched off. Installed first, so answers of the middlewares before routing (415, 413) are logged too.
 * `logger` is read per request: the application's root logger exists only once the app is initialized.
 */
export function requestLog(level: LogLevel, logger: () => Logger): RequestHandler | undefined {
  if (!LOGS_REQUESTS.has(level)) return undefined;
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.url !== '/health') {
      const started = Date.now();
      response.once('close', () => {
        // The logger's serializers keep the method, URL and status code of these.
        const fields = { req: request, res: response, responseTime: Date.now() - started };
        if (!response.writableFinished) logger().warn(fields, 'request aborted');
        else if (response.statusCode >= 500) logger().error(fields, 'request errored');
        else logger().info(fields, 'request completed');
      });
    }
    next();
  };
}
