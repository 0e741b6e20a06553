import { startTestServices, stopTestServices } from './test-services';

/**
 * The global setup's providers in a process of their own (Jest's module sandbox cannot load the
 * ES-module embedded PostgreSQL): prints what it started as one JSON line, and stops everything when
 * its standard input closes.
 */
async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const services = await startTestServices(env);
  process.stdout.write(
    `${JSON.stringify({ databaseUrl: env.TEST_DATABASE_URL, redisUrl: env.TEST_REDIS_URL, tempDir: services.tempDir })}\n`,
  );
  process.stdin.resume();
  process.stdin.once('end', () => {
    void stopTestServices(services, env).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
