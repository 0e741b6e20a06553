import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgresLauncher } from '../database/embedded-postgres.launcher';

export interface Runtime {
  config: AppConfig;
  databaseUrl: string;
  /** Stops what this process started itself (the embedded PostgreSQL). */
  stop(): Promise<void>;
}

/** Reads the configuration (exiting with its message when invalid) and resolves the database. */
export async function prepareRuntime(role: 'api' | 'worker'): Promise<Runtime> {
  const logger = new Logger('Bootstrap');
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  if (role === 'worker' && (!config.databaseUrl || !config.redisUrl)) {
    // A separate worker must share the API's database and queue; zero-configuration runs it inside the API.
    logger.error('Invalid configuration: a separate worker needs DATABASE_URL and REDIS_URL');
    process.exit(1);
  }
  if (config.databaseUrl) return { config, databaseUrl: config.databaseUrl, stop: () => Promise.resolve() };
  const embedded = new EmbeddedPostgresLauncher(config.embeddedPostgresDir, config.embeddedPostgresPort);
  const databaseUrl = await embedded.start();
  return { config, databaseUrl, stop: () => embedded.stop() };
}
