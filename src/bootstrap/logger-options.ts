import type { Params } from 'nestjs-pino';
import { AppConfig, LogFormat } from '../config/app-config';

/** One line per request (request bodies are never logged): JSON for collectors, readable on a terminal. */
export function loggerOptions(config: AppConfig, stdoutIsTerminal = Boolean(process.stdout.isTTY)): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      autoLogging: { ignore: (request) => request.url === '/health' },
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
