import { MonthlyArchiveService } from '../../src/bulk-download/archives/monthly-archive.service';
import { deltaHeaders } from '../../src/awards-download/delta-archive-sql.util';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { readZip } from '../support/zip-reader';
import { DataFile, dataFiles } from '../bulk/bulk-files';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Delta archives list what changed since their window's start: changed rows marked `C`, new rows unmarked, and
 * deleted transactions appended as `D` rows with only their key columns. The seeded data is left as found:
 * the test deletes copies it inserted and restores the one row it changes.
 */
describe('delta archives: corrections, new rows and deletions', () => {
  let seeded: SeededApp;
  // The window is [since, the run's day[: from today to a run tomorrow, so the rows the test changes fall inside.
  const since = new Date().toISOString().slice(0, 10);
  const runAt = new Date(Date.now() + 86_400_000);
  const query = <T>(sql: string, params: unknown[] = []) => seeded.dataSource.query<T>(sql, params);
  const cleanUp = () =>
    query(`DELETE FROM download_job WHERE monthly_download AND file_name LIKE 'award_data_archive/FY(All)%'`);
  const deltaOf = async (type: 'contracts' | 'assistance'): Promise<DataFile> => {
    const report = await seeded.app.get(MonthlyArchiveService).run({
      agencyCodes: ['020'],
      types: [type],
      full: false,
      delta: true,
      since,
      now: runAt,
    });
    expect(report.failed).toEqual([]);
    const label = type === 'contracts' ? 'Contracts' : 'Assistance';
    const name = `FY(All)_020_${label}_Delta_${runAt.toISOString().slice(0, 10).replace(/-/g, '')}.zip`;
    expect(report.produced).toEqual([name]);
    const zip = await readFile(join(seeded.storageDir, 'award_data_archive', name));
    const [file] = dataFiles(await readZip(zip));
    return file;
  };
  /** Inserts a copy of a seeded 020 transaction under a new key (and a new id); returns the new key. */
  const copyTransaction = async (isFpds: boolean, suffix: string): Promise<string> => {
    const keyColumn = isFpds ? 'detached_award_proc_unique' : 'afa_generated_unique';
    const columns = (
      await query<{ name: string }[]>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_name = 'transaction_search' AND is_generated = 'NEVER' AND column_name NOT IN
           ('transaction_id', 'create_date', 'initial_report_date', 'last_modified_date', $1)`,
        [keyColumn],
      )
    ).map((row) => `"${row.name}"`);
    const [row] = await query<{ key: string }[]>(
      `INSERT INTO transaction_search (transaction_id, ${keyColumn}, initial_report_date, last_modified_date, ${columns.join(', ')})
       SELECT (SELECT max(transaction_id) + 1 FROM transaction_search), ${keyColumn} || $2, now(), now(), ${columns.join(', ')}
       FROM transaction_search WHERE is_fpds = $1 AND awarding_toptier_agency_code = '020'
       ORDER BY transaction_id LIMIT 1
       RETURNING ${keyColumn} AS key`,
      [isFpds, suffix],
    );
    return row.key;
  };

  beforeAll(async () => {
    seeded = await createSeededApp();
    await cleanUp();
  });

  afterAll(async () => {
    await cleanUp();
    // Other files' deltas over the shared database must not see this file's deletions.
    await query(
      `DELETE FROM transaction_delete_journal WHERE transaction_unique_key LIKE '%\\_GONE' OR transaction_unique_key LIKE '%\\_NEW'`,
    );
    await closeSeededApp(seeded);
  });

  it('Contracts: a corrected row is C, a new one is unmarked, a deleted one is a D row of key columns', async () => {
    const added = await copyTransaction(true, '_NEW');
    const deleted = await copyTransaction(true, '_GONE');
    const [gone] = await query<Record<string, string>[]>(
      `SELECT piid, modification_number, transaction_number, parent_award_id, referenced_idv_agency_iden
       FROM transaction_search WHERE is_fpds AND detached_award_proc_unique = $1`,
      [deleted],
    );
    await query(`DELETE FROM transaction_search WHERE is_fpds AND detached_award_proc_unique = $1`, [
      deleted,
    ]);
    const [corrected] = await query<{ id: string; key: string; previous: Date }[]>(
      `SELECT transaction_id AS id, detached_award_proc_unique AS key, last_modified_date AS previous
       FROM transaction_search WHERE is_fpds AND awarding_toptier_agency_code = '020'
         AND initial_report_date < $1::date ORDER BY transaction_id LIMIT 1`,
      [since],
    );
    await query(`UPDATE transaction_search SET last_modified_date = now() WHERE transaction_id = $1`, [
      corrected.id,
    ]);
    try {
      const file = await deltaOf('contracts');
      expect(file.header).toEqual(deltaHeaders('transaction.d1'));
      expect(file.header.slice(0, 3)).toEqual([
        'correction_delete_ind',
        'agency_id',
        'contract_transaction_unique_key',
      ]);
      const byKey = new Map(file.rows.map((row) => [row.contract_transaction_unique_key, row]));
      expect(byKey.get(corrected.key)?.correction_delete_ind).toBe('C');
      expect(byKey.get(added)?.correction_delete_ind).toBe('');
      const deletion = byKey.get(deleted);
      expect(deletion).toBeDefined();
      expect(file.rows.at(-1)).toBe(deletion);
      const keyColumns = {
        correction_delete_ind: 'D',
        agency_id: deleted.split('_')[0],
        parent_award_agency_id: gone.referenced_idv_agency_iden ?? '',
        award_id_piid: gone.piid,
        modification_number: gone.modification_number,
        parent_award_id_piid: gone.parent_award_id ?? '',
        transaction_number: gone.transaction_number ?? '',
        contract_transaction_unique_key: deleted,
      };
      expect(deletion).toMatchObject(keyColumns);
      expect(deletion?.last_modified_date.slice(0, 10)).toBe(since);
      const filled = Object.entries(deletion ?? {}).filter(([, value]) => value !== '');
      expect(filled.map(([header]) => header).sort()).toEqual(
        [...Object.keys(keyColumns), 'last_modified_date']
          .filter((h) => (keyColumns as Record<string, string>)[h] !== '')
          .sort(),
      );
      expect(file.rows.filter((row) => row.correction_delete_ind === 'D')).toHaveLength(1);
    } finally {
      await query(`UPDATE transaction_search SET last_modified_date = $2 WHERE transaction_id = $1`, [
        corrected.id,
        corrected.previous,
      ]);
      await query(`DELETE FROM transaction_search WHERE is_fpds AND detached_award_proc_unique = $1`, [
        added,
      ]);
    }
  });

  it('Assistance: one indicator column, the deleted transaction appended with its key columns', async () => {
    const deleted = await copyTransaction(false, '_GONE');
    const [gone] = await query<Record<string, string>[]>(
      `SELECT fain, uri, cfda_number, modification_number, awarding_sub_tier_agency_c
       FROM transaction_search WHERE NOT is_fpds AND afa_generated_unique = $1`,
      [deleted],
    );
    await query(`DELETE FROM transaction_search WHERE NOT is_fpds AND afa_generated_unique = $1`, [deleted]);
    const file = await deltaOf('assistance');
    expect(file.header).toEqual(['correction_delete_ind', ...catalogFor('transaction.d2').headers]);
    const deletions = file.rows.filter((row) => row.correction_delete_ind === 'D');
    // The contract deleted by the previous test is not in the assistance file; a key deleted twice is listed once.
    expect(deletions.map((row) => row.assistance_transaction_unique_key)).toContain(deleted);
    expect(new Set(deletions.map((row) => row.assistance_transaction_unique_key)).size).toBe(
      deletions.length,
    );
    expect(deletions.find((row) => row.assistance_transaction_unique_key === deleted)).toMatchObject({
      awarding_sub_agency_code: gone.awarding_sub_tier_agency_c,
      award_id_fain: gone.fain ?? '',
      award_id_uri: gone.uri ?? '',
      cfda_number: gone.cfda_number ?? '',
      modification_number: gone.modification_number ?? '',
      recipient_name: '',
    });
  });
});
