import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { exitGracefullyOnSignals } from './bootstrap/graceful-shutdown';
import { prepareRuntime } from './bootstrap/runtime';

/** Worker process: consumes the download queue, serves no HTTP. Scale it independently of the API. */
async function bootstrap(): Promise<void> {
  const runtime = await prepareRuntime('worker');
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(runtime.config, runtime.databaseUrl, 'worker'),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(PinoLogger));
  exitGracefullyOnSignals(app, { graceMs: runtime.config.shutdownGraceMs, afterClose: () => runtime.stop() });
  new Logger('Bootstrap').log('Download worker started');
}

void bootstrap();
