import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providePostgres, TestPostgres } from './postgres-service';
import { provideRedis, TestRedis } from './redis-service';

/** What the run set up, so the teardown gives back exactly that. */
export interface RunningTestServices {
  tempDir: string;
  originalTmpDir: string | undefined;
  postgres?: TestPostgres;
  redis?: TestRedis;
}

/**
 * Provides PostgreSQL and Redis for the run and publishes them as TEST_DATABASE_URL / TEST_REDIS_URL.
 * `TEST_SERVICES=private` skips the shared servers, so the fresh-machine path can be tried anywhere.
 */
export async function startTestServices(env: NodeJS.ProcessEnv = process.env): Promise<RunningTestServices> {
  const privateOnly = env.TEST_SERVICES === 'private';
  const originalTmpDir = env.TMPDIR;
  // Every temporary folder of the run lives here (tests use os.tmpdir()), and goes with the teardown.
  const tempDir = await mkdtemp(join(tmpdir(), 'usaspending-download-test-'));
  await chmod(tempDir, 0o755); // the embedded PostgreSQL runs as another user when the tests run as root
  const services: RunningTestServices = { tempDir, originalTmpDir };
  try {
    services.postgres = await providePostgres({ configuredUrl: env.TEST_DATABASE_URL, privateOnly, tempDir });
    services.redis = await provideRedis({ configuredUrl: env.TEST_REDIS_URL, privateOnly, tempDir });
  } catch (error) {
    await stopTestServices(services);
    throw error;
  }
  env.TEST_DATABASE_URL = services.postgres.url;
  env.TEST_REDIS_URL = services.redis.url;
  env.TMPDIR = tempDir;
  process.stdout.write(
    `\nTest services: PostgreSQL ${services.postgres.description}; Redis ${services.redis.description}\n`,
  );
  return services;
}

export async function stopTestServices(services: RunningTestServices, env: NodeJS.ProcessEnv = process.env) {
  const failures: unknown[] = [];
  for (const service of [services.redis, services.postgres]) {
    await service?.release().catch((error: unknown) => failures.push(error));
  }
  if (services.originalTmpDir === undefined) delete env.TMPDIR;
  else env.TMPDIR = services.originalTmpDir;
  await rm(services.tempDir, { recursive: true, force: true });
  if (failures.length > 0) throw failures[0];
}
