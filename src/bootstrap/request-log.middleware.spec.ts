import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import pino from 'pino';
import { Options, pinoHttp } from 'pino-http';
import request from 'supertest';
import { AppConfig } from '../config/app-config';
import { loggerOptions } from './logger-options';
import { requestLog } from './request-log.middleware';

interface Line {
  level: number;
  msg: string;
  req: { method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
}

/** An app whose request lines go to `lines`, through the root logger nestjs-pino builds from loggerOptions. */
function appLogging(lines: Line[]): Server {
  const options = loggerOptions(new AppConfig({ LOG_FORMAT: 'json' }), false).pinoHttp as Options;
  const { logger } = pinoHttp(options, { write: (line: string) => lines.push(JSON.parse(line) as Line) });
  const middleware = requestLog('info', () => logger);
  if (!middleware) throw new Error('info level logs requests');
  return createServer((incoming: IncomingMessage, outgoing: ServerResponse) =>
    middleware(incoming as never, outgoing as never, () => {
      outgoing.statusCode = incoming.url === '/broken' ? 503 : 200;
      outgoing.end('{}');
    }),
  );
}

describe('requestLog', () => {
  it('writes one line per request with its method, URL, status code and time', async () => {
    const lines: Line[] = [];
    await request(appLogging(lines)).get('/api/v2/download/status?file_name=a.zip').expect(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', url: '/api/v2/download/status?file_name=a.zip' },
      res: { statusCode: 200 },
    });
    expect(lines[0].responseTime).toBeGreaterThanOrEqual(0);
  });

  it('logs server errors at error level and leaves health checks out', async () => {
    const lines: Line[] = [];
    const app = appLogging(lines);
    await request(app).get('/health').expect(200);
    await request(app).get('/broken').expect(503);
    expect(lines.map((line) => [line.level, line.msg, line.req.url])).toEqual([
      [50, 'request errored', '/broken'],
    ]);
  });

  it('is no middleware at all when the level writes no request lines', () => {
    for (const level of ['warn', 'error', 'fatal', 'silent'] as const)
      expect(requestLog(level, () => pino())).toBeUndefined();
    for (const level of ['info', 'debug', 'trace'] as const)
      expect(requestLog(level, () => pino())).toBeInstanceOf(Function);
  });
});
