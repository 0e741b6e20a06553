import type { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** JSON logs, one line per request; request bodies are never logged. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      autoLogging: { ignore: (request) => request.url === '/health' },
      serializers: {
        req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}
