import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Application, Request, Response } from 'express';
import { ApiError, httpStatusOf } from './api-error';
import { allowedMethods } from './allowed-methods.util';
import { Dependency, DependencyUnavailableError } from './dependency-unavailable.error';
import { isDatabaseUnavailable } from './outage.util';

const RETRY_AFTER_SECONDS = '5';

const UNAVAILABLE_DETAILS: Record<Dependency, string> = {
  database: 'The database is temporarily unavailable; please try again in a few seconds.',
  queue: 'The download queue is temporarily unavailable; please try again in a few seconds.',
  storage: 'File storage is temporarily unavailable; please try again in a few seconds.',
};

/** Which backing service an error says is down, if any (a rejected query is not an outage). */
function unavailableDependency(exception: unknown): Dependency | undefined {
  if (exception instanceof DependencyUnavailableError) return exception.dependency;
  // Storage drivers wrap their outages, and no route reaches Redis, so any other lost connection is PostgreSQL's.
  return isDatabaseUnavailable(exception) ? 'database' : undefined;
}

/** Renders every error as `{"detail": "..."}` with the reference's status codes; internals go to the log only. */
@Catch()
export class DetailExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const [status, detail] = this.describe(exception, request);
    if (status === Number(HttpStatus.SERVICE_UNAVAILABLE)) {
      this.logger.warn({ err: exception, path: request.path }, 'Dependency unavailable');
      // Outages here last seconds (a restart, a failover); clients that honour it come back then.
      if (!response.headersSent) response.setHeader('Retry-After', RETRY_AFTER_SECONDS);
    } else if (status >= 500) this.logger.error({ err: exception, path: request.path }, 'Unhandled error');
    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (status === Number(HttpStatus.METHOD_NOT_ALLOWED)) {
      response.setHeader('Allow', allowedMethods(request.app as Application, request.path).join(', '));
    }
    response.status(status).json({ detail });
  }

  private describe(exception: unknown, request: Request): [number, string] {
    if (exception instanceof ApiError) return [httpStatusOf(exception.code), exception.message];
    const dependency = unavailableDependency(exception);
    if (dependency) return [HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAILS[dependency]];
    if (exception instanceof HttpException) return this.describeHttp(exception, request);
    return [HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error'];
  }

  private describeHttp(exception: HttpException, request: Request): [number, string] {
    const status = exception.getStatus();
    if (status === Number(HttpStatus.NOT_FOUND) && this.isUnmatchedRoute(exception)) {
      const methods = allowedMethods(request.app as Application, request.path);
      if (methods.length > 0 && !methods.includes(request.method)) {
        return [HttpStatus.METHOD_NOT_ALLOWED, `Method "${request.method}" not allowed.`];
      }
      return [HttpStatus.NOT_FOUND, 'Not found.'];
    }
    if (status >= 500) return [status, 'Internal server error'];
    const body = exception.getResponse();
    if (typeof body === 'string') return [status, body];
    const message =
      (body as { detail?: unknown; message?: unknown }).detail ?? (body as { message?: unknown }).message;
    if (Array.isArray(message)) return [status, message.map(String).join('; ')];
    return [status, typeof message === 'string' ? message : exception.message];
  }

  /** Nest's router raises `Cannot GET /path` when no handler matched. */
  private isUnmatchedRoute(exception: HttpException): boolean {
    return /^Cannot [A-Z]+ /.test(exception.message);
  }
}
