import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { refreshTouchedAwards } from '../../src/import/award-summary.util';
import { runImport } from '../../src/import/importer';
import { createImportBookkeeping } from '../../src/import/transaction-import';
import { runSeed } from '../../tools/seed/seed-runner';
import { dropDatabase, siblingDatabase } from '../support/sibling-database';
import { archiveLines, dataLines, writeArchives, writeCatalogFile } from './round-trip-files';

const AWARDS = 150;

/** The account downloads at treasury account level (Files A, B, C), as the round trip writes and reads them. */
const ACCOUNT_FILES = [
  ['account_balances.treasury_account', 'FileA_account_balances.csv'],
  ['object_class_program_activity.treasury_account', 'FileB_object_class_program_activity.csv'],
  ['award_financial.treasury_account', 'FileC_award_financial.csv'],
] as const;

/**
 * The proof that the files are a way in: a seeded database's full archives, subaward files and account files
 * (A, B, C), imported into an empty database, give the same files again — File C columns of the award files
 * included, since File C travels too; then changes, deletions and additions on the source travel through a
 * delta archive, and both databases again give the same files.
 */
describe('import round trip', () => {
  let sourceUrl: string;
  let copyUrl: string;
  let source: Client;
  let copy: Client;
  let work: string;
  const now = new Date();
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const count = async (client: Client, sql: string): Promise<number> =>
    Number((await client.query<{ n: string }>(sql)).rows[0].n);
  /** Every index and constraint of the schema, by definition. */
  const schemaObjects = async (client: Client): Promise<string[]> =>
    (
      await client.query<{ definition: string }>(
        `SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema()
         UNION ALL
         SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
         FROM pg_constraint AS c JOIN pg_namespace AS n ON n.oid = c.connamespace
         WHERE n.nspname = current_schema()
         ORDER BY 1`,
      )
    ).rows.map((row) => row.definition);

  beforeAll(async () => {
    [sourceUrl, copyUrl] = [await siblingDatabase('rt_source'), await siblingDatabase('rt_copy')];
    source = new Client({ connectionString: sourceUrl });
    copy = new Client({ connectionString: copyUrl });
    await Promise.all([source.connect(), copy.connect()]);
    await runSeed([source], { awards: AWARDS, seed: 11, reset: false, dropIndexes: false });
    work = await mkdtemp(join(tmpdir(), 'round-trip-subawards-'));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([source.end(), copy.end()]);
    await dropDatabase(sourceUrl);
    await dropDatabase(copyUrl);
  });

  it('imports full archives, subaward files (csv, tsv, pipe) and Files A, B, C into an empty database, which writes the same files', async () => {
    const archives = await writeArchives(sourceUrl, { full: true, delta: false, now });
    const contracts = join(work, 'contract_subawards.tsv');
    const grants = join(work, 'grant_subawards.txt');
    await writeCatalogFile(source, 'sub_award.d1', contracts, '\t');
    await writeCatalogFile(source, 'sub_award.d2', grants, '|');
    const accounts = join(work, 'accounts');
    await mkdir(accounts);
    for (const [key, name] of ACCOUNT_FILES) await writeCatalogFile(source, key, join(accounts, name), ',');
    // Loaded the way a large first import is: indexes and account foreign keys set aside, restored at the end.
    const report = await runImport(copy, [archives, contracts, grants, accounts], undefined, 'always');
    expect(report.indexesRebuilt).toBeGreaterThan(50);
    expect(await schemaObjects(copy)).toEqual(await schemaObjects(source));
    const accountRows = await count(
      source,
      `SELECT (SELECT count(*) FROM appropriation_account_balances)
         + (SELECT count(*) FROM financial_accounts_by_program_activity_object_class)
         + (SELECT count(*) FROM financial_accounts_by_awards) AS n`,
    );
    expect(report.accountRows).toBe(accountRows);
    expect(await count(copy, 'SELECT count(*) AS n FROM faba_award_summary')).toBe(
      await count(source, 'SELECT count(*) AS n FROM faba_award_summary'),
    );
    const transactions = await count(source, 'SELECT count(*) AS n FROM transaction_search');
    expect(report.transactionsUpserted).toBe(transactions);
    expect(report.awardsRefreshed).toBe(await count(source, 'SELECT count(*) AS n FROM award_search'));
    expect(report.subawards).toBe(await count(source, 'SELECT count(*) AS n FROM subaward_search'));
    expect(report.subawards).toBeGreaterThan(0);
    expect(await count(copy, 'SELECT count(*) AS n FROM parent_award')).toBe(
      await count(source, 'SELECT count(*) AS n FROM parent_award'),
    );

    const again = await writeArchives(copyUrl, { full: true, delta: false, now });
    const [before, after] = [await archiveLines(archives), await archiveLines(again)];
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, lines] of before) expect({ name, lines: after.get(name) }).toEqual({ name, lines });
    for (const [key, file, delimiter] of [
      ['sub_award.d1', contracts, '\t'],
      ['sub_award.d2', grants, '|'],
    ] as const) {
      const rewritten = join(work, `again-${key}`);
      await writeCatalogFile(copy, key, rewritten, delimiter);
      expect(dataLines(await readFile(rewritten, 'utf8'), delimiter).sort()).toEqual(
        dataLines(await readFile(file, 'utf8'), delimiter).sort(),
      );
    }
    for (const [key, name] of ACCOUNT_FILES) {
      const rewritten = join(work, `again-${name}`);
      await writeCatalogFile(copy, key, rewritten, ',');
      const [left, right] = [await readFile(join(accounts, name), 'utf8'), await readFile(rewritten, 'utf8')];
      expect(dataLines(left, ',').length).toBeGreaterThan(0);
      expect({ name, lines: dataLines(right, ',').sort() }).toEqual({
        name,
        lines: dataLines(left, ',').sort(),
      });
    }
  }, 300_000);

  it('carries changes, deletions and additions through a delta archive', async () => {
    const touched = await source.query<{ key: string }>(`
      WITH changed AS (
        UPDATE transaction_search SET transaction_description = transaction_description || ' (corrected)',
          last_modified_date = now()
        WHERE transaction_id IN (SELECT transaction_id FROM transaction_search ORDER BY transaction_id LIMIT 12)
        RETURNING generated_unique_award_id),
      gone AS (
        DELETE FROM transaction_search
        WHERE transaction_id IN (SELECT transaction_id FROM transaction_search ORDER BY transaction_id DESC LIMIT 7)
        RETURNING generated_unique_award_id)
      SELECT generated_unique_award_id AS key FROM changed UNION SELECT generated_unique_award_id FROM gone`);
    // Added: a new modification of the first contract award and of the first assistance award, acted on today.
    const columns = (
      await source.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_name = 'transaction_search' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      )
    ).rows.map((row) => row.name);
    const overrides: Record<string, string> = {
      transaction_id: '(SELECT max(transaction_id) FROM transaction_search) + row_number() OVER ()',
      modification_number: "'9' || coalesce(p.modification_number, '')",
      detached_award_proc_unique: "p.detached_award_proc_unique || '_NEW'",
      afa_generated_unique: "p.afa_generated_unique || '_NEW'",
      federal_action_obligation: '1234.56',
      action_date: 'current_date',
      fiscal_year: "EXTRACT(YEAR FROM current_date + INTERVAL '3 months')::integer",
      last_modified_date: 'now()',
      initial_report_date: 'now()',
      create_date: 'now()',
    };
    const copies = await source.query<{ key: string }>(
      `INSERT INTO transaction_search (${columns.join(', ')})
       SELECT ${columns.map((name) => overrides[name] ?? `p.${name}`).join(', ')}
       FROM (SELECT DISTINCT ON (is_fpds) * FROM transaction_search ORDER BY is_fpds, transaction_id) AS p
       RETURNING generated_unique_award_id AS key`,
    );
    expect(copies.rows).toHaveLength(2);
    // The source derives its award summaries with the same code the importer uses.
    await source.query('BEGIN');
    await createImportBookkeeping(source);
    await source.query(`INSERT INTO import_touched_award SELECT DISTINCT unnest($1::text[])`, [
      [...touched.rows, ...copies.rows].map((row) => row.key),
    ]);
    await refreshTouchedAwards(source);
    await source.query('COMMIT');

    const today = now.toISOString().slice(0, 10);
    const delta = await writeArchives(sourceUrl, { full: false, delta: true, since: today, now: tomorrow });
    const report = await runImport(copy, [delta]);
    expect(report.transactionsDeleted).toBe(7);
    expect(report.transactionsUpserted).toBe(12 + 2);
    expect(await count(copy, 'SELECT count(*) AS n FROM transaction_search')).toBe(
      await count(source, 'SELECT count(*) AS n FROM transaction_search'),
    );
    const [left, right] = [
      await archiveLines(await writeArchives(sourceUrl, { full: true, delta: false, now: tomorrow })),
      await archiveLines(await writeArchives(copyUrl, { full: true, delta: false, now: tomorrow })),
    ];
    expect([...right.keys()]).toEqual([...left.keys()]);
    for (const [name, lines] of left) expect({ name, lines: right.get(name) }).toEqual({ name, lines });
  }, 300_000);
});
