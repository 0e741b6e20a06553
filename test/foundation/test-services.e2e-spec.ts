import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Redis from 'ioredis';
import { Client } from 'pg';
import { isListening } from '../support/services/free-port.util';

interface StartedServices {
  databaseUrl: string;
  redisUrl: string;
  tempDir: string;
}

const CLI = join(__dirname, '../support/services/test-services.cli.ts');

/** Runs the global setup's providers in a child process, as `npm test` does before the suite. */
async function startServices(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', CLI], {
    env: { ...process.env, TEST_DATABASE_URL: '', TEST_REDIS_URL: '', ...env },
  });
  const started = await new Promise<StartedServices>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`services CLI exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as StartedServices);
    });
  });
  return { started, stop: () => stopServices(child) };
}

function stopServices(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.stdin.end();
  });
}

async function databaseAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(url: string): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return await client.ping();
  } finally {
    client.disconnect();
  }
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

describe('test services (the global setup of npm test)', () => {
  it('starts a private PostgreSQL and Redis with TEST_SERVICES=private and leaves nothing behind', async () => {
    const { started, stop } = await startServices({ TEST_SERVICES: 'private' });
    expect(portOf(started.databaseUrl)).not.toBe(5432);
    expect(portOf(started.redisUrl)).not.toBe(6379);
    expect(await databaseAnswers(started.databaseUrl)).toBe(true);
    expect(await redisAnswers(started.redisUrl)).toBe('PONG');

    expect(await stop()).toBe(0);

    expect(await isListening('127.0.0.1', portOf(started.databaseUrl))).toBe(false);
    expect(await isListening('127.0.0.1', portOf(started.redisUrl))).toBe(false);
    expect(existsSync(started.tempDir)).toBe(false);
  });

  it('gives a parallel run on the same servers a database and Redis database of its own', async () => {
    const { started, stop } = await startServices({});
    try {
      expect(started.databaseUrl).not.toBe(process.env.TEST_DATABASE_URL);
      expect(started.redisUrl).not.toBe(process.env.TEST_REDIS_URL);
      expect(await databaseAnswers(started.databaseUrl)).toBe(true);
      expect(await redisAnswers(started.redisUrl)).toBe('PONG');
    } finally {
      expect(await stop()).toBe(0);
    }
    // A database created for a run on a shared server is dropped by its teardown.
    if (portOf(started.databaseUrl) === 5432) expect(await databaseAnswers(started.databaseUrl)).toBe(false);
    expect(existsSync(started.tempDir)).toBe(false);
  });
});
