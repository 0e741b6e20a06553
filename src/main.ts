import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module';
import { configureHttp } from './bootstrap/configure-http';
import { exitGracefullyOnSignals, InFlightRequests } from './bootstrap/graceful-shutdown';
import { prepareRuntime } from './bootstrap/runtime';
import { seedOnFirstStart } from './bootstrap/seed-on-first-start';

async function bootstrap(): Promise<void> {
  const runtime = await prepareRuntime('api');
  const { config } = runtime;
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, runtime.databaseUrl, 'api'),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  app.useLogger(app.get(PinoLogger));
  const logger = new Logger('Bootstrap');
  configureHttp(app, config);
  await seedOnFirstStart(app);
  const http = new InFlightRequests(app.getHttpServer());
  exitGracefullyOnSignals(app, {
    graceMs: config.shutdownGraceMs,
    http,
    runsWorker: config.runWorkerInApi,
    afterClose: () => runtime.stop(),
  });
  await app.listen(config.port, config.host);
  logger.log(
    {
      api: `${config.apiBaseUrl}/api/v2/`,
      docs: `${config.apiBaseUrl}/docs`,
      storage: config.storage,
      queue: config.redisUrl ? 'bull' : 'in-process',
      worker: config.runWorkerInApi ? 'in-process' : 'separate',
    },
    `Download service listening on ${config.apiBaseUrl} (Swagger UI: ${config.apiBaseUrl}/docs)`,
  );
}

void bootstrap();
