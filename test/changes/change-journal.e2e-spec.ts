import { Client } from 'pg';
import { runSeed } from '../../tools/seed/seed-runner';
import { dropDatabase, siblingDatabase } from '../support/sibling-database';

const LOAD_DATE_SQL = `SELECT extract(epoch FROM last_load_date) AS value FROM external_data_load_date
  WHERE load_type = 'awards'`;

/**
 * Deletions are journaled with their key columns, and mark the data changed. On a database of its own: the seeder
 * commits its reference data load, so it cannot run inside a rolled-back transaction of the shared one.
 */
describe('transaction delete journal', () => {
  let databaseUrl: string;
  let client: Client;
  const scalar = async (sql: string, params: unknown[] = []): Promise<string> => {
    const result = await client.query<{ value: string }>(sql, params);
    return String(result.rows[0].value);
  };

  beforeAll(async () => {
    databaseUrl = await siblingDatabase('journal');
    client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await runSeed([client], { awards: 60, seed: 7, reset: true, dropIndexes: false });
  }, 120_000);

  afterAll(async () => {
    await client.end();
    await dropDatabase(databaseUrl);
  });

  it('journals a deleted contract and a deleted assistance transaction with their key columns', async () => {
    const before = await scalar(LOAD_DATE_SQL);
    const contract = (
      await client.query<Record<string, string>>(
        `SELECT detached_award_proc_unique AS key, piid, modification_number, transaction_number,
                parent_award_id, referenced_idv_agency_iden, awarding_toptier_agency_code
         FROM transaction_search WHERE is_fpds ORDER BY transaction_id LIMIT 1`,
      )
    ).rows[0];
    const assistance = (
      await client.query<Record<string, string>>(
        `SELECT afa_generated_unique AS key, fain, uri, cfda_number, awarding_sub_tier_agency_c
         FROM transaction_search WHERE NOT is_fpds ORDER BY transaction_id LIMIT 1`,
      )
    ).rows[0];
    await client.query(
      `DELETE FROM transaction_search WHERE detached_award_proc_unique = $1 OR afa_generated_unique = $2`,
      [contract.key, assistance.key],
    );
    const rows = (
      await client.query<Record<string, unknown>>(
        `SELECT * FROM transaction_delete_journal WHERE transaction_unique_key = ANY($1) ORDER BY is_fpds DESC`,
        [[contract.key, assistance.key]],
      )
    ).rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      is_fpds: true,
      agency_id: contract.key.split('_')[0],
      award_id_piid: contract.piid,
      modification_number: contract.modification_number,
      transaction_number: contract.transaction_number,
      parent_award_id_piid: contract.parent_award_id,
      parent_award_agency_id: contract.referenced_idv_agency_iden,
      awarding_toptier_agency_code: contract.awarding_toptier_agency_code,
    });
    expect(rows[1]).toMatchObject({
      is_fpds: false,
      award_id_fain: assistance.fain,
      award_id_uri: assistance.uri,
      cfda_number: assistance.cfda_number,
      awarding_sub_agency_code: assistance.awarding_sub_tier_agency_c,
    });
    expect(rows[0].deleted_at).toBeInstanceOf(Date);
    const after = await scalar(LOAD_DATE_SQL);
    expect(Number(after)).toBeGreaterThan(Number(before));
  });

  it('journals the transactions a reseed drops, and not those it stores again', async () => {
    const journaled = Number(await scalar('SELECT count(*) AS value FROM transaction_delete_journal'));
    const lastId = await scalar('SELECT max(journal_id) AS value FROM transaction_delete_journal');
    // The same seed again: every transaction comes back, nothing more is journaled.
    await runSeed([client], { awards: 60, seed: 7, reset: true, dropIndexes: false });
    expect(Number(await scalar('SELECT count(*) AS value FROM transaction_delete_journal'))).toBe(journaled);
    const fewer = await runSeed([client], { awards: 30, seed: 7, reset: true, dropIndexes: false });
    expect(fewer.loads.length).toBeGreaterThan(0);
    const dropped =
      Number(await scalar('SELECT count(*) AS value FROM transaction_delete_journal')) - journaled;
    expect(dropped).toBeGreaterThan(0);
    expect(
      Number(
        await scalar(
          `SELECT count(*) AS value FROM transaction_delete_journal AS j JOIN transaction_search AS t
             ON t.detached_award_proc_unique = j.transaction_unique_key OR t.afa_generated_unique = j.transaction_unique_key
           WHERE j.journal_id > $1`,
          [lastId],
        ),
      ),
    ).toBe(0);
  }, 120_000);
});
