import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { seedOnFirstStart } from '../../src/bootstrap/seed-on-first-start';
import { AppConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { dropDatabase, siblingDatabase } from '../support/sibling-database';

/** Only the two things the first-start seeding reads from the application. */
function contextWith(seedIfEmpty: boolean, dataSource: DataSource): INestApplicationContext {
  const config = { seedIfEmpty } as AppConfig;
  const get = (token: unknown): unknown => (token === AppConfig ? config : dataSource);
  return { get } as unknown as INestApplicationContext;
}

async function awardCount(dataSource: DataSource): Promise<number> {
  const rows: { n: string }[] = await dataSource.query('SELECT count(*) AS n FROM award_search');
  return Number(rows[0].n);
}

describe('seeding on the zero-configuration start (the seeder is loaded from tools/ on demand)', () => {
  let databaseUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    databaseUrl = await siblingDatabase('first_start');
    dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), entities: [] });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(databaseUrl);
  });

  it('leaves the database empty when seeding is off', async () => {
    await seedOnFirstStart(contextWith(false, dataSource));
    expect(await awardCount(dataSource)).toBe(0);
  });

  it('loads the demonstration dataset into an empty database, once', async () => {
    await seedOnFirstStart(contextWith(true, dataSource));
    const seeded = await awardCount(dataSource);
    expect(seeded).toBeGreaterThan(1000);
    await seedOnFirstStart(contextWith(true, dataSource));
    expect(await awardCount(dataSource)).toBe(seeded);
  });
});
