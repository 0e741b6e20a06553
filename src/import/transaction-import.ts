import { ClientBase, escapeIdentifier } from 'pg';
import { CONTRACT_TYPES, IDV_TYPES } from '../download-request/award-types/award-types.util';
import { ImportFileError } from './stage-copy.util';
import {
  STAGE_TABLE,
  StagedHeader,
  stagedColumns,
  statesFromDistricts,
  uniqueColumns,
} from './stage-table.util';

type TransactionKey = 'transaction.d1' | 'transaction.d2';

/** The unique key of each kind: its header and column (the partial unique indexes upserts infer). */
export const TRANSACTION_KEYS: Readonly<
  Record<TransactionKey, { header: string; column: string; awardHeader: string; isFpds: boolean }>
> = {
  'transaction.d1': {
    header: 'contract_transaction_unique_key',
    column: 'detached_award_proc_unique',
    awardHeader: 'contract_award_unique_key',
    isFpds: true,
  },
  'transaction.d2': {
    header: 'assistance_transaction_unique_key',
    column: 'afa_generated_unique',
    awardHeader: 'assistance_award_unique_key',
    isFpds: false,
  },
};

/** Temp tables of one import: the awards whose transactions changed, and award-level values read from files. */
export async function createImportBookkeeping(client: ClientBase): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE import_touched_award (generated_unique_award_id text PRIMARY KEY) ON COMMIT DROP`,
  );
  await client.query(
    `CREATE TEMP TABLE import_award_value (generated_unique_award_id text PRIMARY KEY, description text) ON COMMIT DROP`,
  );
}

const idvTypeValues = IDV_TYPES.map(
  (type) => `(${[type.code, type.description].map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')})`,
).join(', ');
const CONTRACT_CODES = CONTRACT_TYPES.map((type) => `'${type.code}'`).join(', ');

/**
 * Applies a staged transaction file: for a delta, `D` rows delete their transaction (the journal trigger
 * records it); every other row is upserted on its unique key (the last row of a key wins). Columns the files
 * do not carry are derived: the fiscal year, the agency ids and codes (lookups by sub-tier code), a contract's
 * award type (its code, or the IDV code its description names), location codes the filters use.
 * Returns [upserted, deleted].
 */
export async function applyTransactionFile(
  client: ClientBase,
  key: TransactionKey,
  staged: readonly StagedHeader[],
  delta: boolean,
  fileName: string,
  lineOf: (record: number) => number,
): Promise<[number, number]> {
  const { header, column, awardHeader, isFpds } = TRANSACTION_KEYS[key];
  const notDeleted = delta ? `s.correction_delete_ind IS DISTINCT FROM 'D'` : 'true';
  for (const required of [header, awardHeader]) {
    const missing = await client.query<{ row: string | null }>(
      `SELECT min(stage_row) AS row FROM ${STAGE_TABLE} AS s WHERE s.${escapeIdentifier(required)} IS NULL
         AND (${required === header ? 'true' : notDeleted})`,
    );
    if (missing.rows[0].row !== null)
      throw new ImportFileError(
        `${fileName}, line ${lineOf(Number(missing.rows[0].row))}, column ${required}: a value is required`,
      );
  }
  let deleted = 0;
  if (delta) {
    const result = await client.query<{ n: string }>(
      `WITH gone AS (
         DELETE FROM transaction_search AS t USING ${STAGE_TABLE} AS s
         WHERE s.correction_delete_ind = 'D' AND t.is_fpds = ${isFpds} AND t.${column} = s.${escapeIdentifier(header)}
         RETURNING t.generated_unique_award_id),
       touched AS (
         INSERT INTO import_touched_award SELECT DISTINCT generated_unique_award_id FROM gone
         ON CONFLICT DO NOTHING)
       SELECT count(*) AS n FROM gone`,
    );
    deleted = Number(result.rows[0].n);
  }
  // The last row of a key wins; removing the earlier ones here (a hash join on the key, usually deleting nothing)
  // spares the upsert a sort of the whole wide staging table.
  await client.query(
    `DELETE FROM ${STAGE_TABLE} AS s USING ${STAGE_TABLE} AS later
     WHERE later.${escapeIdentifier(header)} = s.${escapeIdentifier(header)} AND later.stage_row > s.stage_row`,
  );
  // Awards first, so each transaction is stored with its award's id (an UPDATE later would rewrite every row).
  await client.query(
    `INSERT INTO award_search (award_id, generated_unique_award_id, is_fpds)
     SELECT (SELECT coalesce(max(award_id), 0) FROM award_search) + row_number() OVER (), k.key, ${isFpds}
     FROM (SELECT DISTINCT s.${escapeIdentifier(awardHeader)} AS key FROM ${STAGE_TABLE} AS s
           WHERE ${notDeleted} AND NOT EXISTS (SELECT 1 FROM award_search AS a
             WHERE a.generated_unique_award_id = s.${escapeIdentifier(awardHeader)})) AS k`,
  );
  const direct = stagedColumns(staged, 'column');
  const districts = uniqueColumns([...stagedColumns(staged, 'district'), ...statesFromDistricts(staged)]);
  const valueOf = (name: string): string =>
    [...direct, ...districts].find((entry) => entry.column === name)?.value ?? 'NULL';
  const derived: [string, string][] = [
    ['is_fpds', String(isFpds)],
    ['fiscal_year', `EXTRACT(YEAR FROM ${valueOf('action_date')} + INTERVAL '3 months')::integer`],
    ['update_date', valueOf('last_modified_date')],
    ['awarding_toptier_agency_code', valueOf('awarding_agency_code')],
    ['funding_toptier_agency_code', valueOf('funding_agency_code')],
    ['award_id', 'award.award_id'],
    ['awarding_agency_id', 'awarding.id'],
    ['funding_agency_id', 'funding.id'],
    ['recipient_location_county_code', `right(${valueOf('recipient_location_county_fips')}, 3)`],
    ['pop_county_code', `right(${valueOf('pop_county_fips')}, 3)`],
    ...(isFpds
      ? ([
          [
            'type',
            `CASE WHEN ${valueOf('contract_award_type')} IN (${CONTRACT_CODES}) THEN ${valueOf('contract_award_type')} ELSE idv.code END`,
          ],
          [
            'type_description',
            `coalesce(${valueOf('contract_award_type_desc')}, ${valueOf('idv_type_description')})`,
          ],
          ['recipient_location_zip5', `left(${valueOf('legal_entity_zip4')}, 5)`],
          ['pop_zip5', `left(${valueOf('place_of_performance_zip4a')}, 5)`],
        ] as [string, string][])
      : ([['pop_zip5', `left(${valueOf('place_of_performance_zip4a')}, 5)`]] as [string, string][])),
  ].filter(([name]) => ![...direct, ...districts].some((entry) => entry.column === name)) as [
    string,
    string,
  ][];
  const columns = [...direct, ...districts].map((entry) => entry.column);
  const targets = ['transaction_id', ...columns, ...derived.map(([name]) => name)];
  const values = [
    `(SELECT coalesce(max(transaction_id), 0) FROM transaction_search) + row_number() OVER ()`,
    ...[...direct, ...districts].map((entry) => entry.value),
    ...derived.map(([, sql]) => sql),
  ];
  const updates = targets
    .filter((name) => name !== 'transaction_id')
    .map((name) => `${escapeIdentifier(name)} = EXCLUDED.${escapeIdentifier(name)}`);
  const agencyBySubtier = `(SELECT st.subtier_code, min(a.id) AS id FROM agency AS a
      JOIN subtier_agency AS st ON st.subtier_agency_id = a.subtier_agency_id GROUP BY st.subtier_code)`;
  const upserted = await client.query(
    `INSERT INTO transaction_search (${targets.map((name) => escapeIdentifier(name)).join(', ')})
     SELECT ${values.join(', ')}
     FROM ${STAGE_TABLE} AS s
     JOIN award_search AS award ON award.generated_unique_award_id = s.${escapeIdentifier(awardHeader)}
     LEFT JOIN ${agencyBySubtier} AS awarding ON awarding.subtier_code = ${valueOf('awarding_sub_tier_agency_c')}
     LEFT JOIN ${agencyBySubtier} AS funding ON funding.subtier_code = ${valueOf('funding_sub_tier_agency_co')}
     ${isFpds ? `LEFT JOIN (VALUES ${idvTypeValues}) AS idv (code, description) ON idv.description = ${valueOf('idv_type_description')}` : ''}
     WHERE ${notDeleted}
     ON CONFLICT (${column}) WHERE ${isFpds ? 'is_fpds' : 'NOT is_fpds'}
     DO UPDATE SET ${updates.join(', ')}`,
  );
  const awardKey = `s.${escapeIdentifier(awardHeader)}`;
  await client.query(
    `INSERT INTO import_touched_award SELECT DISTINCT ${awardKey} FROM ${STAGE_TABLE} AS s WHERE ${notDeleted}
     ON CONFLICT DO NOTHING`,
  );
  const description = stagedColumns(staged, 'award').find((entry) => entry.column === 'description');
  if (description)
    await client.query(
      `INSERT INTO import_award_value (generated_unique_award_id, description)
       SELECT DISTINCT ON (${awardKey}) ${awardKey}, ${description.value} FROM ${STAGE_TABLE} AS s WHERE ${notDeleted}
       ORDER BY ${awardKey}, s.stage_row DESC
       ON CONFLICT (generated_unique_award_id) DO UPDATE SET description = EXCLUDED.description`,
    );
  return [upserted.rowCount ?? 0, deleted];
}
