import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresLauncher } from '../../../src/database/embedded-postgres.launcher';
import { isProcessAlive } from '../../../src/common/process-alive';
import { freePort, isListening } from './free-port.util';

/** The database a test run uses, and how to give it back. */
export interface TestPostgres {
  url: string;
  description: string;
  release(): Promise<void>;
}

const SHARED_HOST = '127.0.0.1';
const SHARED_PORT = 5432;
const RUN_DATABASE_PREFIX = 'usaspending_download_test_run_';

/**
 * In order: the database named by TEST_DATABASE_URL (created when missing, kept afterwards); a fresh
 * database on a server answering on 127.0.0.1:5432 (dropped afterwards); else a private embedded
 * PostgreSQL in the run's temporary directory (stopped afterwards).
 */
export async function providePostgres(options: {
  configuredUrl?: string;
  privateOnly: boolean;
  tempDir: string;
}) {
  if (options.configuredUrl) return useConfigured(options.configuredUrl);
  if (!options.privateOnly && (await isListening(SHARED_HOST, SHARED_PORT)))
    return createRunDatabase(`postgres://postgres@${SHARED_HOST}:${SHARED_PORT}/postgres`);
  return startPrivate(join(options.tempDir, 'postgres'));
}

async function useConfigured(url: string): Promise<TestPostgres> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
  return { url, description: `${name} (TEST_DATABASE_URL)`, release: () => Promise.resolve() };
}

/** A database of this run's own on a server others use too, so parallel runs never share tables. */
async function createRunDatabase(adminUrl: string): Promise<TestPostgres> {
  const name = `${RUN_DATABASE_PREFIX}${process.pid}_${Date.now().toString(36)}`;
  await withClient(adminUrl, async (client) => {
    await dropAbandonedRunDatabases(client);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description: `${name} on ${SHARED_HOST}:${SHARED_PORT} (created for this run)`,
    release: () =>
      withClient(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      }),
  };
}

/** Databases of earlier runs on this machine whose process is gone (killed before its teardown). */
async function dropAbandonedRunDatabases(client: Client): Promise<void> {
  const rows = await client.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
    [RUN_DATABASE_PREFIX],
  );
  for (const { datname } of rows.rows) {
    const pid = Number(datname.slice(RUN_DATABASE_PREFIX.length).split('_')[0]);
    if (Number.isInteger(pid) && !isProcessAlive(pid))
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
  }
}

async function startPrivate(dataDir: string): Promise<TestPostgres> {
  const port = await freePort();
  const launcher = new EmbeddedPostgresLauncher(dataDir, port);
  const url = await launcher.start();
  return {
    url,
    description: `private embedded PostgreSQL on 127.0.0.1:${port}`,
    release: () => launcher.stop(),
  };
}

async function withClient(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
