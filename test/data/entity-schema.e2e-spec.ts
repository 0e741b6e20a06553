import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { TEST_DATABASE_URL } from '../support/test-database';

/**
 * The entities and the migrations describe the same tables: TypeORM's schema diff (what
 * `npm run migration:generate` would write) finds nothing to change for any table an entity covers.
 */
describe('entities match the migrated schema', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions(TEST_DATABASE_URL));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('covers the job and agency tables', () => {
    expect(dataSource.entityMetadatas.map((entity) => entity.tableName).sort()).toEqual([
      'agency',
      'download_job',
      'federal_account',
      'job_status',
      'subtier_agency',
      'toptier_agency',
    ]);
  });

  it('has no schema difference for them', async () => {
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((query) => query.query)).toEqual([]);
  });
});
