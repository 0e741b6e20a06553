import { DynamicModule, INestApplicationContext, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger, LoggerModule } from 'nestjs-pino';
import { loggerOptions } from '../bootstrap/logger-options';
import { prepareRuntime } from '../bootstrap/runtime';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { GenerationModule } from '../generation/generation.module';

@Module({})
class CommandModule {}

/**
 * The application context of a command that generates files in-process: configuration, logs, database,
 * storage and the generation pipeline, plus `feature` (its services and the planners it needs). Nothing that
 * serves HTTP or consumes the queue.
 */
export function commandModule(config: AppConfig, databaseUrl: string, feature: DynamicModule): DynamicModule {
  return {
    module: CommandModule,
    imports: [
      ConfigModule.forRoot(config),
      LoggerModule.forRoot(loggerOptions(config)),
      DatabaseModule.forRoot(databaseUrl, config.runMigrations),
      GenerationModule,
      feature,
    ],
  };
}

/**
 * Runs a file-producing command: configuration and database as the API resolves them, one application
 * context, `run` inside it; exit code 0 when `run` reports success, 1 otherwise (the error is logged).
 */
export async function runCommand(
  name: string,
  feature: (config: AppConfig) => DynamicModule,
  run: (app: INestApplicationContext) => Promise<boolean>,
): Promise<void> {
  const runtime = await prepareRuntime('api');
  const logger = new Logger(name);
  try {
    const app = await NestFactory.createApplicationContext(
      commandModule(runtime.config, runtime.databaseUrl, feature(runtime.config)),
      { bufferLogs: true },
    );
    app.useLogger(app.get(PinoLogger));
    try {
      process.exitCode = (await run(app)) ? 0 : 1;
    } finally {
      await app.close();
    }
  } catch (error) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  } finally {
    await runtime.stop();
  }
}
