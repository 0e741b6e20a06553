import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
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
  app.enableShutdownHooks();
  process.once('beforeExit', () => void runtime.stop());
  new Logger('Bootstrap').log('Download worker started');
}

void bootstrap();
