import { ClientBase, escapeIdentifier } from 'pg';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { headerTargets } from './header-mapping.util';
import { ImportFileError, StagePlan } from './stage-copy.util';
import { STAGE_STORAGE, STAGE_TABLE } from './stage-table.util';

/** The treasury-account-level account downloads: File A (balances), B (program activity / object class), C (awards). */
export type AccountCatalogKey =
  | 'account_balances.treasury_account'
  | 'object_class_program_activity.treasury_account'
  | 'award_financial.treasury_account';

export const ACCOUNT_CATALOG_KEYS: readonly AccountCatalogKey[] = [
  'account_balances.treasury_account',
  'object_class_program_activity.treasury_account',
  'award_financial.treasury_account',
];

export const isAccountKey = (key: string): key is AccountCatalogKey =>
  (ACCOUNT_CATALOG_KEYS as readonly string[]).includes(key);

/**
 * Headers that name a row of a lookup table rather than a value of the file's table: read to find (or, for
 * submissions and program activity reporting keys, create) that row. Everything else the catalog computes
 * from lookups (names, federal account, budget function, award fields) is derived again, not read.
 */
const LOOKUP_HEADERS: Readonly<Record<string, string>> = {
  reporting_agency_name: 'text',
  submission_period: 'text',
  last_modified_date: 'date',
  treasury_account_symbol: 'text',
  program_activity_reporting_key: 'text',
  program_activity_code: 'text',
  program_activity_name: 'text',
  object_class_code: 'text',
  direct_or_reimbursable_funding_source: 'text',
  disaster_emergency_fund_code: 'text',
  award_unique_key: 'text',
};

/**
 * File C headers of the award's latest transaction that no transaction file carries (the names as submitted,
 * `*_name_raw`): header → transaction column. File C is the only way they come in.
 */
function rawNameHeaders(key: AccountCatalogKey): Map<string, string> {
  if (key !== 'award_financial.treasury_account') return new Map();
  return new Map(
    catalogFor(key).columns.flatMap((column) => {
      const raw = /^latest_transaction\.([a-z0-9_]+_raw)$/.exec(column.sql);
      return raw ? [[column.header, raw[1]] as [string, string]] : [];
    }),
  );
}

/** The column of each table naming its treasury account (File A spells it out). */
const TAS_COLUMN: Record<AccountCatalogKey, string> = {
  'account_balances.treasury_account': 'treasury_account_identifier',
  'object_class_program_activity.treasury_account': 'treasury_account_id',
  'award_financial.treasury_account': 'treasury_account_id',
};

async function columnsOf(client: ClientBase, table: string) {
  const result = await client.query<{ name: string; type: string; notnull: boolean }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull
     FROM pg_attribute AS a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [table],
  );
  return new Map(result.rows.map((row) => [row.name, row]));
}

/** The file's own columns: headers the catalog maps to a plain column of the file's table. */
function plainColumns(key: AccountCatalogKey): Map<string, string> {
  return new Map(
    headerTargets(key).flatMap(({ header, target }) =>
      target.kind === 'column' ? [[header, target.column] as [string, string]] : [],
    ),
  );
}

/**
 * The staging table of an account file: its own columns typed as the table's (COPY then names the line and
 * header of a bad value), the lookup headers as text (dates as date), plus the ids the lookups resolve.
 */
export async function createAccountStageTable(
  client: ClientBase,
  key: AccountCatalogKey,
  headers: readonly string[],
): Promise<StagePlan> {
  const table = await columnsOf(client, catalogFor(key).baseTable);
  const plain = plainColumns(key);
  const raw = rawNameHeaders(key);
  const columns: { index: number; name: string; type: string }[] = [];
  headers.forEach((header, index) => {
    const column = plain.get(header);
    const type = column
      ? (table.get(column)?.type ?? 'text')
      : (LOOKUP_HEADERS[header] ?? (raw.has(header) ? 'text' : undefined));
    // COPY takes the file as it is, so every header has a column; the ones not read stay text and are ignored.
    columns.push({ index, name: header, type: type ?? 'text' });
  });
  await client.query(`DROP VIEW IF EXISTS ${RESOLVED}`);
  await client.query(`DROP TABLE IF EXISTS ${STAGE_TABLE}, ${IDS_TABLE}`);
  await client.query(
    `CREATE TEMP TABLE ${STAGE_TABLE} (stage_row bigserial, ${columns
      .map((column) => `${escapeIdentifier(column.name)} ${column.type}`)
      .join(', ')}) ${STAGE_STORAGE} ON COMMIT DROP`,
  );
  const copied = lookupCopies(key);
  await client.query(
    `CREATE TEMP TABLE ${IDS_TABLE} (stage_row bigint, tas_id integer, agency_code text,
       submission_id integer, fiscal_year integer, period integer, is_quarter boolean, program_activity_id integer,
       object_class_id integer${copied.map((header) => `, ${escapeIdentifier(header)} ${LOOKUP_HEADERS[header]}`).join('')})
     ON COMMIT DROP`,
  );
  await client.query(
    `CREATE TEMP VIEW ${RESOLVED} AS SELECT s.*, ${ID_COLUMNS.map((column) => `i.${column}`).join(', ')}
     FROM ${STAGE_TABLE} AS s JOIN ${IDS_TABLE} AS i ON i.stage_row = s.stage_row`,
  );
  return { table: STAGE_TABLE, columns };
}

/**
 * What the lookups resolve for each staged row lives in a narrow table beside the staging table: setting a value
 * then rewrites a row of a few ids, not the file's wide row (six lookups rewrote a 400,000-row File B six times).
 * It also holds a copy of the headers the lookups read, so a lookup reads and writes that table alone (joined to
 * the wide staging table, each of File B's lookups read ~400 MB again). It has no index: every lookup rewrites
 * all its rows. The view joins the two, so the checks and the final INSERT read a row with both.
 */
const IDS_TABLE = 'import_stage_ids';
const LOOKUP_COPIES = [
  'reporting_agency_name',
  'submission_period',
  'program_activity_code',
  'program_activity_name',
  'object_class_code',
  'direct_or_reimbursable_funding_source',
];
/** The LOOKUP_COPIES a file of this kind carries (its headers are the catalog's: files are recognized by them). */
function lookupCopies(key: AccountCatalogKey): string[] {
  const headers = new Set(catalogFor(key).columns.map((column) => column.header));
  return LOOKUP_COPIES.filter((header) => headers.has(header));
}
const RESOLVED = 'import_stage_resolved';
const ID_COLUMNS = [
  'tas_id',
  'agency_code',
  'submission_id',
  'fiscal_year',
  'period',
  'is_quarter',
  'program_activity_id',
  'object_class_id',
];

/**
 * Sets resolved ids: `set` and `where` read the row's ids and its copied lookup headers as `s`, plus `from`.
 * The id table is analyzed again afterwards: the next lookup joins on what this one set, and a temporary table
 * has no statistics of its own (without them a 400,000-row join was planned as a nested loop of index lookups).
 */
async function updateIds(client: ClientBase, set: string, from = '', where = 'true'): Promise<void> {
  await client.query(`UPDATE ${IDS_TABLE} AS s SET ${set}${from ? ` FROM ${from}` : ''} WHERE ${where}`);
  await client.query(`ANALYZE ${IDS_TABLE}`);
}

/**
 * A lookup's matches (one row per distinct key of the file), stored and analyzed before the update reads them as
 * `m`: estimated from the subquery, one match per key looked like a handful of rows and File C's update became a
 * nested loop over all its rows for each (ten minutes at 1M transactions).
 */
async function matchTable(client: ClientBase, name: string, select: string): Promise<string> {
  await client.query(`DROP TABLE IF EXISTS ${name}`);
  await client.query(`CREATE TEMP TABLE ${name} ON COMMIT DROP AS ${select}`);
  await client.query(`ANALYZE ${name}`);
  return `${name} AS m`;
}

type LineOf = (record: number) => number;

/** Refuses the file at the first staged row `where` selects, naming its line and the header. */
async function refuseFirst(
  client: ClientBase,
  where: string,
  header: string,
  why: string,
  fileName: string,
  lineOf: LineOf,
): Promise<void> {
  const found = await client.query<{ row: string; value: string | null }>(
    `SELECT s.stage_row AS row, s.${escapeIdentifier(header)}::text AS value FROM ${RESOLVED} AS s
     WHERE ${where} ORDER BY s.stage_row LIMIT 1`,
  );
  if (!found.rows.length) return;
  const { row, value } = found.rows[0];
  throw new ImportFileError(
    `${fileName}, line ${lineOf(Number(row))}, column ${header}: ${value === null ? 'empty' : `"${value}"`}: ${why}`,
  );
}

/**
 * Refuses the file when a required header is empty: the first such header in file order, at its first row. One
 * scan of the staging table for all of them (one per header read a 400,000-row File B some thirty times).
 */
async function refuseMissing(
  client: ClientBase,
  headers: readonly string[],
  fileName: string,
  lineOf: LineOf,
): Promise<void> {
  if (!headers.length) return;
  const found = await client.query<Record<string, string | null>>(
    `SELECT ${headers
      .map(
        (header, index) => `min(stage_row) FILTER (WHERE ${escapeIdentifier(header)} IS NULL) AS m${index}`,
      )
      .join(', ')} FROM ${STAGE_TABLE}`,
  );
  const index = headers.findIndex((_, at) => found.rows[0][`m${at}`] !== null);
  if (index < 0) return;
  const row = Number(found.rows[0][`m${index}`]);
  throw new ImportFileError(
    `${fileName}, line ${lineOf(row)}, column ${headers[index]}: empty: a value is required`,
  );
}

/**
 * Resolves the submission of every row: the file's reporting agency and submission period (`FY2020Q3`,
 * `FY2021P07`) name it; of agencies sharing a name, the one owning the row's treasury account. A submission
 * not stored is created with its agency's code, the period's submission window (created when the reference
 * schedule ends earlier, following its pattern: revealed 45 days after the period) and the file's
 * `last_modified_date` as its publication date.
 */
async function resolveSubmissions(client: ClientBase, fileName: string, lineOf: LineOf): Promise<void> {
  await refuseFirst(
    client,
    `s.submission_period IS NULL OR s.submission_period !~ '^FY[0-9]{4}(Q[1-4]|P(0[1-9]|1[0-2]))$'`,
    'submission_period',
    'not a submission period like FY2020Q3 or FY2021P07',
    fileName,
    lineOf,
  );
  await updateIds(
    client,
    `fiscal_year = substr(s.submission_period, 3, 4)::integer,
      is_quarter = substr(s.submission_period, 7, 1) = 'Q',
      period = CASE WHEN substr(s.submission_period, 7, 1) = 'Q' THEN substr(s.submission_period, 8)::integer * 3
                    ELSE substr(s.submission_period, 8)::integer END`,
  );
  await refuseFirst(
    client,
    `NOT EXISTS (SELECT 1 FROM toptier_agency AS t WHERE t.name = s.reporting_agency_name)`,
    'reporting_agency_name',
    'no agency of that name in the reference data',
    fileName,
    lineOf,
  );
  // Agency names are not unique (two agencies are "Legislative Branch"): then the one owning the account.
  await updateIds(
    client,
    'agency_code = m.code',
    await matchTable(
      client,
      'import_agency_match',
      `SELECT DISTINCT ON (k.name, k.tas_id) k.name, k.tas_id, t.toptier_code AS code
        FROM (SELECT DISTINCT reporting_agency_name AS name, tas_id FROM ${IDS_TABLE}) AS k
        JOIN treasury_appropriation_account AS a ON a.treasury_account_identifier = k.tas_id
        JOIN toptier_agency AS t ON t.name = k.name
        ORDER BY k.name, k.tas_id, t.toptier_agency_id = a.funding_toptier_agency_id DESC, t.toptier_code`,
    ),
    's.reporting_agency_name = m.name AND s.tas_id = m.tas_id',
  );
  const match = `x.toptier_code = s.agency_code AND x.reporting_agency_name = s.reporting_agency_name
       AND x.reporting_fiscal_year = s.fiscal_year AND x.reporting_fiscal_period = s.period
       AND x.quarter_format_flag = s.is_quarter`;
  await updateIds(client, 'submission_id = x.submission_id', 'submission_attributes AS x', match);
  // Windows follow the reference schedule's pattern: monthly windows start at period 2 (periods 1–2 together).
  await client.query(
    `INSERT INTO dabs_submission_window_schedule (id, period_start_date, period_end_date, submission_start_date,
       submission_due_date, certification_due_date, submission_reveal_date, submission_fiscal_year,
       submission_fiscal_quarter, submission_fiscal_month, is_quarter)
     SELECT (SELECT coalesce(max(id), 0) FROM dabs_submission_window_schedule) + row_number() OVER (),
       w.start, w.finish, w.due, w.due, w.due, w.due, w.fiscal_year, ceil(w.period / 3.0), w.period, w.is_quarter
     FROM (SELECT DISTINCT s.fiscal_year, s.period, s.is_quarter,
             make_date(s.fiscal_year - 1, 10, 1) + make_interval(months =>
               CASE WHEN s.is_quarter THEN s.period - 3 WHEN s.period = 2 THEN 0 ELSE s.period - 1 END) AS start,
             make_date(s.fiscal_year - 1, 10, 1) + make_interval(months => s.period) - interval '1 day' AS finish,
             make_date(s.fiscal_year - 1, 10, 1) + make_interval(months => s.period) + interval '44 days' AS due
           FROM ${RESOLVED} AS s WHERE s.submission_id IS NULL) AS w
     WHERE NOT EXISTS (SELECT 1 FROM dabs_submission_window_schedule AS d
       WHERE d.submission_fiscal_year = w.fiscal_year AND d.submission_fiscal_month = w.period
         AND d.is_quarter = w.is_quarter)`,
  );
  await client.query(
    `INSERT INTO submission_attributes (submission_id, submission_window_id, toptier_code, reporting_agency_name,
       reporting_fiscal_year, reporting_fiscal_quarter, reporting_fiscal_period, quarter_format_flag,
       is_final_balances_for_fy, published_date, certified_date, reporting_period_start, reporting_period_end)
     SELECT (SELECT coalesce(max(submission_id), 0) FROM submission_attributes) + row_number() OVER (),
       d.id, n.agency_code, n.reporting_agency_name, n.fiscal_year, ceil(n.period / 3.0), n.period,
       n.is_quarter, n.period = 12, n.published, n.published, d.period_start_date::date, d.period_end_date::date
     FROM (SELECT agency_code, reporting_agency_name, fiscal_year, period, is_quarter,
             max(last_modified_date) AS published
           FROM ${RESOLVED} WHERE submission_id IS NULL
           GROUP BY agency_code, reporting_agency_name, fiscal_year, period, is_quarter) AS n
     JOIN dabs_submission_window_schedule AS d ON d.submission_fiscal_year = n.fiscal_year
       AND d.submission_fiscal_month = n.period AND d.is_quarter = n.is_quarter`,
  );
  await updateIds(
    client,
    'submission_id = x.submission_id',
    'submission_attributes AS x',
    `s.submission_id IS NULL AND ${match}`,
  );
}

/** The treasury account of every row, by its symbol: it must be one of the reference data's. */
async function resolveAccounts(
  client: ClientBase,
  key: AccountCatalogKey,
  fileName: string,
  lineOf: LineOf,
): Promise<void> {
  const copied = lookupCopies(key).map((header) => escapeIdentifier(header));
  await client.query(
    `INSERT INTO ${IDS_TABLE} (stage_row, tas_id${copied.map((header) => `, ${header}`).join('')})
     SELECT s.stage_row, m.id${copied.map((header) => `, s.${header}`).join('')} FROM ${STAGE_TABLE} AS s
     LEFT JOIN (SELECT tas_rendering_label AS label, min(treasury_account_identifier) AS id
                FROM treasury_appropriation_account GROUP BY tas_rendering_label) AS m
       ON m.label = s.treasury_account_symbol`,
  );
  // Statistics for the joins of the lookups below (a temporary table has none until analyzed).
  await client.query(`ANALYZE ${STAGE_TABLE}, ${IDS_TABLE}`);
  await refuseFirst(
    client,
    's.tas_id IS NULL',
    'treasury_account_symbol',
    'no such treasury account in the reference data',
    fileName,
    lineOf,
  );
}

/** Program activity and object class ids; DEFCs must exist; new reporting keys are added. */
async function resolveLookups(
  client: ClientBase,
  key: AccountCatalogKey,
  fileName: string,
  lineOf: LineOf,
): Promise<void> {
  const refuse = (where: string, header: string, why: string) =>
    refuseFirst(client, where, header, why, fileName, lineOf);
  if (key === 'account_balances.treasury_account') return;
  // Several reference rows share a code and name (one per account and budget year): the account's own first
  // (same agency and main account), otherwise the first. Both choices are made on the reference list once per
  // code and name — ranking every matching reference row per distinct key of the file sorted millions of rows.
  const byCodeName = (extra: string) =>
    `(SELECT program_activity_code AS code, coalesce(program_activity_name, '') AS name${extra}, min(id) AS id
      FROM ref_program_activity GROUP BY program_activity_code, coalesce(program_activity_name, '')${extra})`;
  await updateIds(
    client,
    'program_activity_id = m.id',
    await matchTable(
      client,
      'import_program_activity_match',
      `SELECT k.code, k.name, k.tas_id, coalesce(own.id, first.id) AS id
      FROM (SELECT DISTINCT program_activity_code AS code, coalesce(program_activity_name, '') AS name, tas_id
            FROM ${IDS_TABLE} WHERE program_activity_code IS NOT NULL) AS k
      JOIN treasury_appropriation_account AS t ON t.treasury_account_identifier = k.tas_id
      JOIN ${byCodeName('')} AS first ON first.code = k.code AND first.name = k.name
      LEFT JOIN ${byCodeName(', responsible_agency_id, main_account_code')} AS own
        ON own.code = k.code AND own.name = k.name
       AND own.responsible_agency_id = t.agency_id AND own.main_account_code = t.main_account_code`,
    ),
    `s.program_activity_code = m.code AND coalesce(s.program_activity_name, '') = m.name AND s.tas_id = m.tas_id`,
  );
  await refuse(
    's.program_activity_code IS NOT NULL AND s.program_activity_id IS NULL',
    'program_activity_code',
    'no program activity with this code and name in the reference data',
  );
  await updateIds(
    client,
    'object_class_id = o.id',
    'object_class AS o',
    `o.object_class = s.object_class_code
       AND o.direct_reimbursable IS NOT DISTINCT FROM s.direct_or_reimbursable_funding_source`,
  );
  await refuse(
    's.object_class_code IS NOT NULL AND s.object_class_id IS NULL',
    'object_class_code',
    'no object class with this code and direct/reimbursable flag in the reference data',
  );
  await refuse(
    `s.disaster_emergency_fund_code IS NOT NULL AND NOT EXISTS
       (SELECT 1 FROM disaster_emergency_fund_code AS d WHERE d.code = s.disaster_emergency_fund_code)`,
    'disaster_emergency_fund_code',
    'no such disaster emergency fund code in the reference data',
  );
  // The files carry only the reporting key, not its name: a new key is stored with the key as its name.
  await client.query(
    `INSERT INTO program_activity_park (code, name)
     SELECT DISTINCT program_activity_reporting_key, program_activity_reporting_key FROM ${STAGE_TABLE}
     WHERE program_activity_reporting_key IS NOT NULL ON CONFLICT (code) DO NOTHING`,
  );
}

/**
 * Applies a staged treasury-account-level File A, B or C. Rows inside a submission have no unique key (File C
 * repeats award, account and program activity combinations, as agencies report them), so the natural key is
 * the submission and treasury account: the rows a file carries for a (submission, account) pair replace the
 * rows stored for that pair before this import — the way a submission is reloaded whole — and rows of several
 * files of one import add up. File C rows link to their award by `award_unique_key` when it is stored.
 * Returns the rows stored.
 */
export async function applyAccountFile(
  client: ClientBase,
  key: AccountCatalogKey,
  fileName: string,
  lineOf: LineOf,
): Promise<number> {
  const table = catalogFor(key).baseTable;
  const idColumn = `${table}_id`;
  const tasColumn = TAS_COLUMN[key];
  await resolveAccounts(client, key, fileName, lineOf);
  await resolveSubmissions(client, fileName, lineOf);
  await resolveLookups(client, key, fileName, lineOf);
  const definitions = await columnsOf(client, table);
  const plain = [...plainColumns(key)];
  await refuseMissing(
    client,
    plain.filter(([, column]) => definitions.get(column)?.notnull).map(([header]) => header),
    fileName,
    lineOf,
  );

  // What was stored before this import, per table: rows added by its earlier files are kept.
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS import_account_floor (table_name text PRIMARY KEY, max_id bigint)
     ON COMMIT DROP`,
  );
  await client.query(
    `INSERT INTO import_account_floor SELECT $1, coalesce(max(${escapeIdentifier(idColumn)}), 0)
     FROM ${escapeIdentifier(table)} ON CONFLICT DO NOTHING`,
    [table],
  );
  await client.query(
    `DELETE FROM ${escapeIdentifier(table)} AS x
     USING (SELECT DISTINCT submission_id, tas_id FROM ${IDS_TABLE}) AS s
     WHERE x.submission_id = s.submission_id AND x.${escapeIdentifier(tasColumn)} = s.tas_id
       AND x.${escapeIdentifier(idColumn)} <= (SELECT max_id FROM import_account_floor WHERE table_name = $1)`,
    [table],
  );

  const values: [string, string][] = [
    ...plain.map(([header, column]): [string, string] => [column, `s.${escapeIdentifier(header)}`]),
    ['submission_id', 's.submission_id'],
    [tasColumn, 's.tas_id'],
    ['data_source', `'DATA Act'`],
    ['last_modified_date', 's.last_modified_date'],
    ['certified_date', 'x.certified_date::date'],
    ['reporting_period_start', 'x.reporting_period_start'],
    ['reporting_period_end', 'x.reporting_period_end'],
  ];
  if (key === 'account_balances.treasury_account') values.push(['final_of_fy', 'x.is_final_balances_for_fy']);
  else
    values.push(
      ['program_activity_id', 's.program_activity_id'],
      ['object_class_id', 's.object_class_id'],
      ['program_activity_reporting_key', 's.program_activity_reporting_key'],
      ['disaster_emergency_fund_code', 's.disaster_emergency_fund_code'],
    );
  let join = '';
  if (key === 'award_financial.treasury_account') {
    join = 'LEFT JOIN award_search AS a ON a.generated_unique_award_id = s.award_unique_key';
    values.push(
      ['award_id', 'a.award_id'],
      // The reference's key of an award's File C rows: its unique key, or its identifiers when unlinked.
      [
        'distinct_award_key',
        `coalesce(s.award_unique_key, upper(concat_ws('|', coalesce(s.award_id_piid, '-none-'),
           coalesce(s.parent_award_id_piid, '-none-'), coalesce(s.award_id_fain, '-none-'),
           coalesce(s.award_id_uri, '-none-'))))`,
      ],
    );
  }
  await fillRawNames(client, key);
  const result = await client.query(
    `INSERT INTO ${escapeIdentifier(table)} (${escapeIdentifier(idColumn)}, ${values
      .map(([column]) => escapeIdentifier(column))
      .join(', ')})
     SELECT (SELECT coalesce(max(${escapeIdentifier(idColumn)}), 0) FROM ${escapeIdentifier(table)})
         + row_number() OVER (ORDER BY s.stage_row),
       ${values.map(([, value]) => value).join(', ')}
     FROM ${RESOLVED} AS s JOIN submission_attributes AS x ON x.submission_id = s.submission_id ${join}`,
  );
  return result.rowCount ?? 0;
}

/**
 * The names as submitted that File C shows for an award's latest transaction go to that transaction (the last
 * row of an award wins); a value the file leaves empty keeps the stored one.
 */
async function fillRawNames(client: ClientBase, key: AccountCatalogKey): Promise<void> {
  const raw = [...rawNameHeaders(key)];
  if (!raw.length) return;
  await client.query(
    `UPDATE transaction_search AS t SET ${raw
      .map(
        ([header, column]) =>
          `${escapeIdentifier(column)} = coalesce(s.${escapeIdentifier(header)}, t.${escapeIdentifier(column)})`,
      )
      .join(', ')}
     FROM (SELECT DISTINCT ON (award_unique_key) * FROM ${STAGE_TABLE}
           WHERE award_unique_key IS NOT NULL ORDER BY award_unique_key, stage_row DESC) AS s
     JOIN award_search AS a ON a.generated_unique_award_id = s.award_unique_key
     WHERE t.transaction_id = a.latest_transaction_search_id
       AND (${raw
         .map(
           ([header, column]) =>
             `s.${escapeIdentifier(header)} IS DISTINCT FROM t.${escapeIdentifier(column)}`,
         )
         .join(' OR ')})`,
  );
}
