import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { configureHttp } from '../../src/bootstrap/configure-http';
import { AppConfig } from '../../src/config/app-config';
import { DownloadPlannerRegistry } from '../../src/generation/download-planner.registry';
import { ProbePlanner } from './probe-planner';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './test-database';

/** The real API + in-process worker on the test PostgreSQL and Redis, with the probe planner registered. */
export async function createTestApp(
  env: Record<string, string> = {},
  override: (builder: TestingModuleBuilder, config: AppConfig) => TestingModuleBuilder = (builder) => builder,
  databaseUrl = TEST_DATABASE_URL,
): Promise<{
  app: NestExpressApplication;
  config: AppConfig;
}> {
  const config = new AppConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'silent',
    LOG_FORMAT: 'json', // no pretty-printing worker thread per test app, even on a terminal
    RUN_WORKER_IN_API: 'true',
    // Closing a test app must not wait long for downloads still running.
    SHUTDOWN_GRACE_MS: '1000',
    // Test files may run in parallel: each app gets its own queue so no worker takes another's jobs.
    QUEUE_PREFIX: `test-${process.pid}-${Date.now()}`,
    ...env,
  });
  const builder = Test.createTestingModule({
    imports: [AppModule.forRoot(config, databaseUrl, 'api')],
  });
  const moduleRef = await override(builder, config).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureHttp(app, config);
  const probe = new ProbePlanner();
  app.get(DownloadPlannerRegistry).registerExtra(probe.requestType, (job) => probe.plan(job));
  await app.init();
  return { app, config };
}
