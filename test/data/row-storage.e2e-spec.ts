import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { TEST_DATABASE_URL } from '../support/test-database';

/**
 * The wide search tables store rows up to a page plainly: a ~3 kB transaction row is neither compressed nor
 * moved into TOAST (compressing every row value by value made inserts three times and the downloads' COPY of
 * contract transactions half again slower). A larger-than-page row is still compressed.
 */
describe('row storage of the wide search tables', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({ ...dataSourceOptions(TEST_DATABASE_URL), entities: [] });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('sets a full-page TOAST target on each of them', async () => {
    const rows: { name: string; options: string[] | null }[] = await dataSource.query(
      `SELECT relname AS name, reloptions AS options FROM pg_class
       WHERE relname IN ('transaction_search', 'subaward_search', 'award_search') ORDER BY relname`,
    );
    expect(rows).toEqual(
      ['award_search', 'subaward_search', 'transaction_search'].map((name) => ({
        name,
        options: ['toast_tuple_target=8160'],
      })),
    );
  });

  it('keeps a 3 kB transaction row uncompressed and compresses a larger-than-page one', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(
        `INSERT INTO transaction_search (transaction_id, is_fpds, transaction_description, awarding_office_name)
         VALUES (-1, true, repeat('a', 1500), repeat('b', 1500)), (-2, true, repeat('c', 9000), 'd')`,
      );
      const again: { id: string; description: string | null; office: string | null }[] = await runner.query(
        `SELECT transaction_id::text AS id, pg_column_compression(transaction_description) AS description,
           pg_column_compression(awarding_office_name) AS office
         FROM transaction_search WHERE transaction_id < 0 ORDER BY transaction_id DESC`,
      );
      // By default (a 2 kB target) one of the first row's two long values is compressed.
      expect(again).toEqual([
        { id: '-1', description: null, office: null },
        { id: '-2', description: expect.stringMatching(/^(pglz|lz4)$/), office: null },
      ]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
