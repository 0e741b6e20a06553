import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, isListening } from './free-port.util';

/** The Redis database a test run uses, and how to give it back. */
export interface TestRedis {
  url: string;
  description: string;
  release(): Promise<void>;
}

const SHARED_HOST = '127.0.0.1';
const SHARED_PORT = 6379;
export const CLAIM_KEY = 'usaspending-download-test:claimed-by';
const CLAIM_SECONDS = 6 * 60 * 60;
// Database 0 is where a developer's own service most likely keeps its data; tests never use it.
const CANDIDATE_DATABASES = Array.from({ length: 15 }, (_, index) => index + 1);

export class RedisUnavailableError extends Error {}

/**
 * In order: TEST_REDIS_URL; an empty database of a server answering on 127.0.0.1:6379, claimed for
 * this run (tests flush it, so it must be no one else's); else a private `redis-server` from the PATH.
 */
export async function provideRedis(options: {
  configuredUrl?: string;
  privateOnly: boolean;
  tempDir: string;
}) {
  if (options.configuredUrl)
    return { url: options.configuredUrl, description: 'TEST_REDIS_URL', release: () => Promise.resolve() };
  if (!options.privateOnly && (await isListening(SHARED_HOST, SHARED_PORT))) return claimSharedDatabase();
  return startPrivate(join(options.tempDir, 'redis'));
}

async function claimSharedDatabase(): Promise<TestRedis> {
  const token = `${process.pid}:${randomUUID()}`;
  for (const db of CANDIDATE_DATABASES) {
    const client = new Redis({ host: SHARED_HOST, port: SHARED_PORT, db, lazyConnect: true });
    try {
      await client.connect();
      const claimed = await client.set(CLAIM_KEY, token, 'EX', CLAIM_SECONDS, 'NX');
      // The claim key alone: nobody else keeps data here. The key stays for the whole run.
      if (claimed === 'OK' && (await client.dbsize()) === 1) {
        const url = `redis://${SHARED_HOST}:${SHARED_PORT}/${db}`;
        return {
          url,
          description: `database ${db} of ${SHARED_HOST}:${SHARED_PORT} (claimed for this run)`,
          release: () => releaseSharedDatabase(url),
        };
      }
      if (claimed === 'OK') await client.del(CLAIM_KEY);
    } finally {
      client.disconnect();
    }
  }
  throw new RedisUnavailableError(
    `Every Redis database 1-15 on ${SHARED_HOST}:${SHARED_PORT} holds data; set TEST_REDIS_URL or TEST_SERVICES=private.`,
  );
}

/** Empties the database, claim included, so the next run finds it free. */
async function releaseSharedDatabase(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    await client.flushdb();
  } finally {
    client.disconnect();
  }
}

async function startPrivate(dir: string): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version']).error)
    throw new RedisUnavailableError(
      'The tests need Redis and none was found: no TEST_REDIS_URL, nothing on 127.0.0.1:6379 and no ' +
        '`redis-server` on the PATH. Install Redis (e.g. `apt-get install redis-server` or `brew install redis`) ' +
        'or point TEST_REDIS_URL at a server whose database the tests may flush.',
    );
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  await waitUntilListening(server, port);
  return {
    url: `redis://127.0.0.1:${port}/0`,
    description: `private redis-server on 127.0.0.1:${port}`,
    release: () => stopProcess(server),
  };
}

async function waitUntilListening(server: ChildProcess, port: number): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (server.exitCode !== null) throw new Error(`redis-server exited with code ${server.exitCode}`);
    if (await isListening('127.0.0.1', port, 100)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill('SIGKILL');
  throw new Error(`redis-server did not listen on port ${port} within 10 s`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
