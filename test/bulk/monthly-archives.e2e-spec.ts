import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { MonthlyArchiveService } from '../../src/bulk-download/archives/monthly-archive.service';
import { runArchiveCommand } from '../../src/bulk-download/archives/archive-command.runner';
import { deltaHeaders } from '../../src/awards-download/delta-archive-sql.util';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { AppConfig } from '../../src/config/app-config';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { TEST_DATABASE_URL } from '../support/test-database';
import { readZip } from '../support/zip-reader';
import { dataFiles } from './bulk-files';

const RUN_AT = new Date('2026-11-20T10:00:00Z');
const NEXT_RUN_AT = new Date('2026-11-21T08:00:00Z');
const FY2020 = ['2019-10-01', '2020-09-30'];
const SINCE = '2025-01-01';

interface MonthlyFile {
  fiscal_year: unknown;
  agency_name: string;
  agency_acronym: string | null;
  type: string;
  updated_date: string;
  file_name: string;
  url: string;
  sha256: string | null;
}

/** The archive command's pipeline, then list_monthly_files, then a download of a listed archive (docs/compatibility.md#monthly-archives). */
describe('monthly archives: produced, listed, downloaded', () => {
  let seeded: SeededApp;
  let treasury: { id: number; code: string; name: string; abbreviation: string };
  const http = () => request(seeded.app.getHttpServer());
  const listFiles = async (body: object): Promise<MonthlyFile[]> => {
    const response = await http().post('/api/v2/bulk_download/list_monthly_files/').send(body).expect(200);
    return (response.body as { monthly_files: MonthlyFile[] }).monthly_files;
  };
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await seeded.dataSource.query<{ n: string }[]>(sql, params))[0].n);
  const cleanUp = () =>
    seeded.dataSource.query(
      `DELETE FROM download_job WHERE monthly_download AND file_name LIKE 'award_data_archive/%'`,
    );

  beforeAll(async () => {
    seeded = await createSeededApp();
    await cleanUp();
    [treasury] = await seeded.dataSource.query(
      `SELECT toptier_agency_id AS id, toptier_code AS code, name, abbreviation FROM toptier_agency WHERE toptier_code = '020'`,
    );
  });

  afterAll(async () => {
    await cleanUp();
    await closeSeededApp(seeded);
  });

  it('produces full archives per agency, year and type, and deltas since the given day', async () => {
    const report = await seeded.app.get(MonthlyArchiveService).run({
      fiscalYears: [2020],
      agencyCodes: ['020', 'All'],
      types: ['contracts', 'assistance'],
      full: true,
      delta: true,
      since: SINCE,
      now: RUN_AT,
    });
    expect(report).toEqual({
      produced: [
        'FY2020_020_Contracts_Full_20261120.zip',
        'FY2020_All_Contracts_Full_20261120.zip',
        'FY2020_020_Assistance_Full_20261120.zip',
        'FY2020_All_Assistance_Full_20261120.zip',
        'FY(All)_020_Contracts_Delta_20261120.zip',
        'FY(All)_All_Contracts_Delta_20261120.zip',
        'FY(All)_020_Assistance_Delta_20261120.zip',
        'FY(All)_All_Assistance_Delta_20261120.zip',
      ],
      failed: [],
      removed: [],
      deltaSince: SINCE,
    });
    const stored = await readdir(join(seeded.storageDir, 'award_data_archive'));
    expect(stored.sort()).toEqual([...report.produced].sort());
  });

  it('lists them with URLs that download, and each archive holds the slice’s transactions', async () => {
    const files = await listFiles({ agency: treasury.id, fiscal_year: 2020, type: 'contracts' });
    expect(files.map(({ url: _url, sha256: _sha256, ...rest }) => rest)).toEqual([
      {
        fiscal_year: 2020,
        agency_name: treasury.name,
        agency_acronym: treasury.abbreviation,
        type: 'contracts',
        updated_date: '2026-11-20',
        file_name: 'FY2020_020_Contracts_Full_20261120.zip',
      },
      {
        fiscal_year: null,
        agency_name: treasury.name,
        agency_acronym: treasury.abbreviation,
        type: 'contracts',
        updated_date: '2026-11-20',
        file_name: 'FY(All)_020_Contracts_Delta_20261120.zip',
      },
    ]);
    expect(files[0].url).toMatch(
      /\/csv_downloads\/award_data_archive\/FY2020_020_Contracts_Full_20261120\.zip$/,
    );

    const full = await http().get(new URL(files[0].url).pathname).responseType('blob').expect(200);
    // Beyond the reference: each listed archive carries the SHA-256 of its bytes, sent again as ETag.
    expect(files[0].sha256).toBe(
      createHash('sha256')
        .update(full.body as Buffer)
        .digest('hex'),
    );
    expect(full.headers.etag).toBe(`"${files[0].sha256}"`);
    const [fullFile, ...noMore] = dataFiles(await readZip(full.body as Buffer));
    expect(noMore).toEqual([]);
    expect(fullFile.label).toBe('All_Contracts_PrimeTransactions');
    expect(fullFile.header).toEqual(catalogFor('transaction.d1').headers);
    const expectedFull = await count(
      `SELECT count(*) AS n FROM transaction_search WHERE awarding_toptier_agency_name = $1 AND is_fpds
       AND action_date BETWEEN $2 AND $3`,
      [treasury.name, ...FY2020],
    );
    expect(expectedFull).toBeGreaterThan(0);
    expect(fullFile.rows).toHaveLength(expectedFull);

    const delta = await http().get(new URL(files[1].url).pathname).responseType('blob').expect(200);
    expect(files[1].sha256).toBe(
      createHash('sha256')
        .update(delta.body as Buffer)
        .digest('hex'),
    );
    const [deltaFile] = dataFiles(await readZip(delta.body as Buffer));
    const expectedDelta = await count(
      `SELECT count(*) AS n FROM transaction_search WHERE awarding_toptier_agency_name = $1 AND is_fpds
       AND last_modified_date >= $2 AND last_modified_date <= '2026-11-20'`,
      [treasury.name, SINCE],
    );
    expect(expectedDelta).toBeGreaterThan(0);
    expect(deltaFile.header).toEqual(deltaHeaders('transaction.d1'));
    const changed = deltaFile.rows.filter((row) => row.correction_delete_ind !== 'D');
    expect(changed).toHaveLength(expectedDelta);
    expect(deltaFile.rows.every((row) => row.last_modified_date >= SINCE)).toBe(true);
    // Seeded transactions are first reported on their action date: those acted on before the window are corrections.
    for (const row of changed) {
      expect(row.correction_delete_ind).toBe(row.initial_report_date < SINCE ? 'C' : '');
      expect(row.agency_id).toBe(row.contract_transaction_unique_key.split('_')[0]);
    }
  });

  it('lists the all-agency archives and matches the type case-insensitively', async () => {
    const files = await listFiles({ agency: 'all', fiscal_year: '2020', type: 'ASSISTANCE' });
    expect(files.map((file) => [file.file_name, file.agency_name, file.agency_acronym, file.type])).toEqual([
      ['FY2020_All_Assistance_Full_20261120.zip', 'All', null, 'ASSISTANCE'],
      ['FY(All)_All_Assistance_Delta_20261120.zip', 'All', null, 'ASSISTANCE'],
    ]);
    expect(await listFiles({ agency: 'all', fiscal_year: 2019, type: 'contracts' })).toEqual([
      expect.objectContaining({ file_name: 'FY(All)_All_Contracts_Delta_20261120.zip', fiscal_year: null }),
    ]);
    expect(await listFiles({ agency: 'all', fiscal_year: 2020, type: 'loans' })).toEqual([]);
  });

  it('refuses incomplete requests and unknown agencies with the reference’s texts', async () => {
    const cases: [object, string][] = [
      [{ fiscal_year: 2020, type: 'contracts' }, 'Missing one or more required body parameters: agency'],
      [{ agency: 'all', type: 'contracts' }, 'Missing one or more required body parameters: fiscal_year'],
      [
        { agency: 'all', fiscal_year: 2020, type: null },
        'Missing one or more required body parameters: type',
      ],
      [{ agency: 999999, fiscal_year: 2020, type: 'contracts' }, '999999 agency not found'],
    ];
    for (const [body, detail] of cases) {
      await http().post('/api/v2/bulk_download/list_monthly_files').send(body).expect(400, { detail });
    }
    await http().get('/api/v2/bulk_download/list_monthly_files/').expect(405);
  });

  it('replaces a slice’s older archive on the next run (through the command’s own context)', async () => {
    const config = new AppConfig({
      DATABASE_URL: TEST_DATABASE_URL,
      LOCAL_STORAGE_DIR: seeded.storageDir,
      LOG_LEVEL: 'silent',
    });
    const report = await runArchiveCommand(
      {
        fiscalYears: [2020],
        agencyCodes: ['All'],
        types: ['assistance'],
        full: true,
        delta: false,
        now: NEXT_RUN_AT,
      },
      config,
      TEST_DATABASE_URL,
    );
    expect(report).toMatchObject({
      produced: ['FY2020_All_Assistance_Full_20261121.zip'],
      failed: [],
      removed: ['FY2020_All_Assistance_Full_20261120.zip'],
    });
    const files = await listFiles({ agency: 'all', fiscal_year: 2020, type: 'assistance' });
    expect(files.map((file) => file.file_name)).toEqual([
      'FY2020_All_Assistance_Full_20261121.zip',
      'FY(All)_All_Assistance_Delta_20261120.zip',
    ]);
    await http().get(new URL(files[0].url).pathname).expect(200);
    const old = '/csv_downloads/award_data_archive/FY2020_All_Assistance_Full_20261120.zip';
    await http().get(old).expect(404);
  });

  it('starts a delta where the previous run began when no day is given', async () => {
    const report = await seeded.app.get(MonthlyArchiveService).run({
      agencyCodes: ['All'],
      types: ['contracts'],
      full: false,
      delta: true,
      now: NEXT_RUN_AT,
    });
    // The previous runs of this file happened moments ago (their job rows carry the real clock).
    expect(report.deltaSince).toBe(new Date().toISOString().slice(0, 10));
    expect(report.produced).toEqual(['FY(All)_All_Contracts_Delta_20261121.zip']);
    expect(report.removed).toEqual(['FY(All)_All_Contracts_Delta_20261120.zip']);
  });
});
