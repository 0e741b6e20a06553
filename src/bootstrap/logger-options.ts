import type { Params } from 'nestjs-pino';
import { AppConfig, LogFormat } from '../config/app-config';

/**
 * The application's pino logger: JSON lines for collectors, readable lines on a terminal. Request lines are
 * written by requestLog (request bodies are never logged), so pino-http's per-request middleware is mounted
 * on no route; nestjs-pino still builds the root logger from these options.
 */
export function loggerOptions(config: AppConfig, stdoutIsTerminal = Boolean(process.stdout.isTTY)): Params {
  return {
    forRoutes: [],
    pinoHttp: {
      level: config.logLevel,
      serializers: {
        req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      ...(usePretty(config.logFormat, stdoutIsTerminal) ? { transport: PRETTY_TRANSPORT } : {}),
    },
  };
}

const PRETTY_TRANSPORT = {
  target: 'pino-pretty',
  options: {
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    messageFormat:
      '{if context}[{context}] {end}{msg}{if req} {req.method} {req.url} → {res.statusCode} ({responseTime} ms){end}',
    ignore: 'pid,hostname,context,req,res,responseTime',
  },
};

function usePretty(format: LogFormat, stdoutIsTerminal: boolean): boolean {
  return format === 'pretty' || (format === 'auto' && stdoutIsTerminal);
}
