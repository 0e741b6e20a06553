import { ClientBase, escapeIdentifier } from 'pg';
import { ImportFileError } from './stage-copy.util';
import {
  STAGE_TABLE,
  StagedHeader,
  stagedColumns,
  statesFromDistricts,
  uniqueColumns,
} from './stage-table.util';

/** A subaward is the same one again when its prime award, report id and number match. */
const KEY_HEADERS = ['prime_award_unique_key', 'subaward_sam_report_id', 'subaward_number'];

/**
 * Applies a staged subaward file (after the transactions, so prime awards have their ids): rows whose key is
 * already stored replace it, the last row of a key in the file wins. Prime-award fields the file does not
 * carry (ids, award group and type, agency codes, PSC, CFDA) come from the stored award; a subaward whose prime
 * award is not stored is refused, since no download could show it. Returns the rows stored.
 */
export async function applySubawardFile(
  client: ClientBase,
  staged: readonly StagedHeader[],
  fileName: string,
  lineOf: (record: number) => number,
): Promise<number> {
  const key = KEY_HEADERS.map((header) => `s.${escapeIdentifier(header)}`);
  const orphan = await client.query<{ row: string | null }>(
    `SELECT min(s.stage_row) AS row FROM ${STAGE_TABLE} AS s
     WHERE NOT EXISTS (SELECT 1 FROM award_search AS a WHERE a.generated_unique_award_id = ${key[0]})`,
  );
  if (orphan.rows[0].row !== null)
    throw new ImportFileError(
      `${fileName}, line ${lineOf(Number(orphan.rows[0].row))}, column prime_award_unique_key: no such prime award (import its transactions first or in the same run)`,
    );
  await client.query(
    `DELETE FROM subaward_search AS x USING ${STAGE_TABLE} AS s
     WHERE x.unique_award_key = ${key[0]} AND x.internal_id IS NOT DISTINCT FROM ${key[1]}
       AND x.subaward_number IS NOT DISTINCT FROM ${key[2]}`,
  );
  const columns = uniqueColumns([
    ...stagedColumns(staged, 'column'),
    ...stagedColumns(staged, 'district'),
    ...statesFromDistricts(staged),
  ]);
  const has = (name: string) => columns.some((entry) => entry.column === name);
  const valueOf = (name: string) => columns.find((entry) => entry.column === name)?.value ?? 'NULL';
  const derived: [string, string][] = (
    [
      ['award_id', 'a.award_id'],
      ['latest_transaction_id', 'a.latest_transaction_search_id'],
      ['prime_award_group', `CASE WHEN a.is_fpds THEN 'procurement' ELSE 'grant' END`],
      ['prime_award_type', 'a.type'],
      ['sub_fiscal_year', `EXTRACT(YEAR FROM ${valueOf('sub_action_date')} + INTERVAL '3 months')::integer`],
      ['awarding_agency_id', 'a.awarding_agency_id'],
      ['funding_agency_id', 'a.funding_agency_id'],
      ['awarding_toptier_agency_code', 'a.awarding_toptier_agency_code'],
      ['funding_toptier_agency_code', 'a.funding_toptier_agency_code'],
      ['product_or_service_code', 'a.product_or_service_code'],
      ['cfda_numbers', 'a.cfda_number'],
    ] as [string, string][]
  ).filter(([name]) => !has(name));
  const targets = ['broker_subaward_id', ...columns.map((entry) => entry.column), ...derived.map(([n]) => n)];
  const result = await client.query(
    `INSERT INTO subaward_search (${targets.map((name) => escapeIdentifier(name)).join(', ')})
     SELECT (SELECT coalesce(max(broker_subaward_id), 0) FROM subaward_search) + row_number() OVER (),
       ${[...columns.map((entry) => entry.value), ...derived.map(([, sql]) => sql)].join(', ')}
     FROM (SELECT DISTINCT ON (${key.join(', ')}) * FROM ${STAGE_TABLE} AS s
           ORDER BY ${key.join(', ')}, s.stage_row DESC) AS s
     JOIN award_search AS a ON a.generated_unique_award_id = s."prime_award_unique_key"`,
  );
  return result.rowCount ?? 0;
}
