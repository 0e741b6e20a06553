import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { withDriverClient, withLocalSettings } from '../../src/database/driver-client.util';
import { TEST_DATABASE_URL } from '../support/test-database';

describe('the driver client helpers on a one-connection pool', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const options = dataSourceOptions(TEST_DATABASE_URL);
    dataSource = new DataSource({ ...options, extra: { ...options.extra, max: 1 } });
    await dataSource.initialize();
  });

  afterAll(() => dataSource?.destroy());

  const timeout = () =>
    withDriverClient(
      dataSource,
      async (client) => (await client.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0],
    );

  it('keeps SET LOCAL settings inside their read and gives the connection back clean', async () => {
    const inside = await withDriverClient(dataSource, (client) =>
      withLocalSettings(client, 'SET LOCAL statement_timeout = 1234', async () => {
        return (await client.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0];
      }),
    );
    expect(inside).toEqual({ statement_timeout: '1234ms' });
    expect(await timeout()).toEqual({ statement_timeout: '0' });
  });

  it('gives the connection back after a refused statement, with no transaction left open', async () => {
    await expect(
      withDriverClient(dataSource, (client) =>
        withLocalSettings(client, 'SET LOCAL statement_timeout = 1234', () => client.query('SELECT no_such')),
      ),
    ).rejects.toThrow(/no_such/);
    const state = await withDriverClient(
      dataSource,
      async (client) =>
        (
          await client.query<{ t: string; fresh: boolean }>(
            `SELECT current_setting('statement_timeout') AS t, now() = statement_timestamp() AS fresh`,
          )
        ).rows[0],
    );
    expect(state).toEqual({ t: '0', fresh: true });
  });

  it('closes a connection that dropped while checked out, and the next caller gets a working one', async () => {
    const dropped = withDriverClient(dataSource, async (client) => {
      const { pid } = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0];
      const killer = new DataSource(dataSourceOptions(TEST_DATABASE_URL));
      await killer.initialize();
      try {
        await killer.query('SELECT pg_terminate_backend($1)', [pid]);
      } finally {
        await killer.destroy();
      }
      await client.query('SELECT 1');
    });
    await expect(dropped).rejects.toThrow();
    expect(await timeout()).toEqual({ statement_timeout: '0' });
  });
});
