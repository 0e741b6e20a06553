import { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { DatabaseDownloadCommandModule } from '../../src/bulk-download/database-files/database-download-command.module';
import { DatabaseDownloadProducerService } from '../../src/bulk-download/database-files/database-download-producer.service';
import { UnlinkedAwardsArchiveService } from '../../src/bulk-download/unlinked/unlinked-awards-archive.service';
import { UnlinkedAwardsCommandModule } from '../../src/bulk-download/unlinked/unlinked-awards-command.module';
import { AppConfig } from '../../src/config/app-config';
import { CovidProfileCommandModule } from '../../src/disaster-download/profile/covid-profile-command.module';
import { CovidProfileGeneratorService } from '../../src/disaster-download/profile/covid-profile-generator.service';
import { commandModule } from '../../src/pregenerated/command-runner.util';
import { dataParts } from '../support/data-parts';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { TEST_DATABASE_URL } from '../support/test-database';
import { readZip } from '../support/zip-reader';

const ZIP_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{8}';
const TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{2}';

/**
 * The commands that produce files ahead of requests (run in-process, as their CLIs do), and the routes that
 * list or hand out what they produced: unlinked-awards archives, database downloads, the COVID-19 profile.
 */
describe('pre-generated files: commands and listings', () => {
  let seeded: SeededApp;
  const http = () => request(seeded.app.getHttpServer());
  const contexts: INestApplicationContext[] = [];
  const command = async (feature: DynamicModule): Promise<INestApplicationContext> => {
    const config = new AppConfig({
      DATABASE_URL: TEST_DATABASE_URL,
      LOG_LEVEL: 'silent',
      LOCAL_STORAGE_DIR: seeded.storageDir,
    });
    const context = await NestFactory.createApplicationContext(
      commandModule(config, TEST_DATABASE_URL, feature),
      {
        logger: false,
      },
    );
    contexts.push(context);
    return context;
  };
  const fetchZip = async (url: string) =>
    readZip((await http().get(new URL(url).pathname).responseType('blob').expect(200)).body as Buffer);
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await seeded.dataSource.query<{ n: string }[]>(sql, params))[0].n);

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await closeSeededApp(seeded);
  });

  it("writes an agency's unlinked-awards archive and lists the newest one", async () => {
    const archives = (await command(UnlinkedAwardsCommandModule.forRoot())).get(UnlinkedAwardsArchiveService);
    const first = await archives.run(['020']);
    const second = await archives.run(['020']);
    expect(first.failed).toEqual([]);
    expect(second.removed).toEqual(first.produced);
    const listed = await http()
      .post('/api/v2/bulk_download/list_unlinked_awards_files/')
      .send({ toptier_code: '020' })
      .expect(200);
    const body = listed.body as { file: Record<string, string | null>; messages: string[] };
    expect(Object.keys(body.file)).toEqual([
      'agency_name',
      'toptier_code',
      'agency_acronym',
      'file_name',
      'url',
    ]);
    expect(body.file).toMatchObject({ agency_name: 'Department of the Treasury', toptier_code: '020' });
    expect(body.file.file_name).toMatch(
      new RegExp(`^Department_of_the_Treasury_UnlinkedAwards_${ZIP_TS}\\.zip$`),
    );
    expect(`unlinked_awards_downloads/${body.file.file_name}`).toBe(second.produced[0]);
    expect(body.file.url).toMatch(
      /\/unlinked_awards_downloads\/Department_of_the_Treasury_UnlinkedAwards_.*\.zip$/,
    );
    expect(body.messages).toEqual([]);

    const entries = await fetchZip(body.file.url!);
    const names = [...entries.keys()];
    const prefix = 'Department_of_the_Treasury_';
    expect(names.map((name) => name.replace(new RegExp(`_${TS}_01\\.csv$`), ''))).toEqual([
      `${prefix}UnlinkedAwardsSummary`,
      `${prefix}UnlinkedContracts`,
      `${prefix}UnlinkedFinancialAssistance`,
      `${prefix}UnlinkedAccountsByAward`,
      'unlinked_awards_instructions_readme.txt',
    ]);
    const files = [...dataParts(entries).values()];
    const accounts = files[3];
    expect(accounts.header).toEqual([
      'toptier_code',
      'piid',
      'parent_award_id',
      'fain',
      'uri',
      'is_fpds',
      'fiscal_year',
      'fiscal_period',
      'treasury_account_symbol',
      'transaction_obligated_amount',
    ]);
    const expectedUnlinked = await count(
      `SELECT count(*) AS n FROM financial_accounts_by_awards f
       JOIN submission_attributes s ON s.submission_id = f.submission_id
       JOIN treasury_appropriation_account t ON t.treasury_account_identifier = f.treasury_account_id
       JOIN toptier_agency a ON a.toptier_agency_id = t.funding_toptier_agency_id
       WHERE f.award_id IS NULL AND a.toptier_code = '020' AND s.reporting_fiscal_year >= 2017`,
    );
    expect(accounts.records).toHaveLength(expectedUnlinked);
    const expectedContracts = await count(
      `SELECT count(*) AS n FROM transaction_search t JOIN award_search a ON a.award_id = t.award_id
       WHERE a.awarding_toptier_agency_code = '020' AND a.is_fpds AND a.certified_date >= '2016-10-01'
         AND NOT EXISTS (SELECT 1 FROM financial_accounts_by_awards f WHERE f.award_id = a.award_id)`,
    );
    expect(files[1].records).toHaveLength(expectedContracts);
    expect(expectedContracts).toBeGreaterThan(0);
    const summary = files[0];
    const total = summary.records.reduce(
      (sum, record) => sum + Number(record[summary.header.indexOf('unlinked_file_c_row_count')]),
      0,
    );
    expect(total).toBe(expectedUnlinked);
  });

  it('keeps apart the archives of two agencies with the same name', async () => {
    const archives = (await command(UnlinkedAwardsCommandModule.forRoot())).get(UnlinkedAwardsArchiveService);
    const report = await archives.run(['002', '009']);
    expect(report.failed).toEqual([]);
    const listed = async (code: string) =>
      (
        (
          await http()
            .post('/api/v2/bulk_download/list_unlinked_awards_files/')
            .send({ toptier_code: code })
            .expect(200)
        ).body as { file: { agency_name: string; file_name: string } }
      ).file;
    const [first, second] = [await listed('002'), await listed('009')];
    expect(first.agency_name).toBe(second.agency_name);
    expect(first.file_name).toMatch(/^Legislative_Branch_UnlinkedAwards_/);
    expect(second.file_name).toMatch(/^Legislative_Branch_009_UnlinkedAwards_/);
  });

  it.each<[object, number, string]>([
    [{}, 400, 'Missing one or more required body parameters: toptier_code'],
    [{ toptier_code: null }, 400, 'Missing one or more required body parameters: toptier_code'],
    [{ toptier_code: 999 }, 400, 'Agency not found given the toptier code: 999'],
    [{ toptier_code: '' }, 400, 'Agency not found given the toptier code: '],
  ])('list_unlinked_awards_files %j → %i', async (body, status, detail) => {
    expect(
      (await http().post('/api/v2/bulk_download/list_unlinked_awards_files').send(body).expect(status)).body,
    ).toEqual({ detail });
  });

  it('answers an agency without archives with nulls, and GET with 405', async () => {
    const { body } = await http()
      .post('/api/v2/bulk_download/list_unlinked_awards_files/')
      .send({ toptier_code: '001' })
      .expect(200);
    expect((body as { file: object }).file).toMatchObject({
      toptier_code: '001',
      file_name: null,
      url: null,
    });
    expect((await http().get('/api/v2/bulk_download/list_unlinked_awards_files/').expect(405)).body).toEqual({
      detail: 'Method "GET" not allowed.',
    });
  });

  it('writes database downloads and lists the newest of each kind (GET only)', async () => {
    await seeded.dataSource.query(`DELETE FROM download_job WHERE file_name LIKE 'database\\_download/%'`);
    const empty = await http().get('/api/v2/bulk_download/list_database_download_files/').expect(200);
    expect(empty.body).toEqual({
      full_download_file: { file_name: null, url: null },
      subset_download_file: { file_name: null, url: null },
      messages: [],
    });
    const producer = (await command(DatabaseDownloadCommandModule.forRoot())).get(
      DatabaseDownloadProducerService,
    );
    const subset = await producer.produce('subset');
    const listed = await http()
      .get('/api/v2/bulk_download/list_database_download_files')
      .query({ ignored: 1 })
      .expect(200);
    const body = listed.body as Record<string, { file_name: string | null; url: string | null }>;
    expect(Object.keys(body)).toEqual(['full_download_file', 'subset_download_file', 'messages']);
    expect(body.full_download_file).toEqual({ file_name: null, url: null });
    expect(`database_download/${body.subset_download_file.file_name}`).toBe(subset.objectName);
    expect(body.subset_download_file.file_name).toMatch(/^usaspending-db-subset_\d{8}\.zip$/);
    const entries = await fetchZip(body.subset_download_file.url!);
    const files = dataParts(entries);
    const awards = files.get('award_search')!;
    expect(awards.header).not.toContain('keyword_ts_vector');
    const fiscalYear = awards.records[0][awards.header.indexOf('fiscal_year')];
    expect(
      awards.records.every((record) => record[awards.header.indexOf('fiscal_year')] === fiscalYear),
    ).toBe(true);
    expect(awards.records).toHaveLength(
      await count('SELECT count(*) AS n FROM award_search WHERE fiscal_year = $1', [fiscalYear]),
    );
    const order = [...files.keys()];
    expect(order.indexOf('toptier_agency')).toBeLessThan(order.indexOf('federal_account'));
    expect(order).not.toContain('download_job');
    expect(entries.has('database_download_readme.txt')).toBe(true);
    expect(
      (await http().post('/api/v2/bulk_download/list_database_download_files/').expect(405)).body,
    ).toEqual({
      detail: 'Method "POST" not allowed.',
    });
  });

  it('the profile command makes the file the all-DEFC download hands out', async () => {
    const profile = await (
      await command(CovidProfileCommandModule.forRoot())
    )
      .get(CovidProfileGeneratorService)
      .generate();
    expect(profile.fileName).toMatch(new RegExp(`^COVID-19_Profile_${ZIP_TS}\\.zip$`));
    const { body } = await http().post('/api/v2/download/disaster/').send({ filters: {} }).expect(200);
    const answer = body as { file_name: string; status: string; file_url: string };
    expect(answer.file_name).toBe(profile.fileName);
    expect(answer.status).toBe('finished');
    const entries = await fetchZip(answer.file_url);
    expect([...entries.keys()].filter((name) => name.endsWith('.csv'))).toHaveLength(6);
  });
});
