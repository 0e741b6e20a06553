import { escapeIdentifier, escapeLiteral } from 'pg';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { buildSelectSql, SelectSqlOptions } from '../catalog/select-sql.util';

/** What makes a monthly archive a delta: its window's first day and the agency it covers (null: all). */
export interface DeltaWindow {
  /** `YYYY-MM-DD`: changes and deletions from this day on. */
  readonly since: string;
  /**
   * `YYYY-MM-DD`, the request's end date: as for changed rows (`last_modified_date <= end_date`), deletions up to
   * that day's start. The next delta starts on that day, so nothing falls between two deltas.
   */
  readonly until: string;
  /** Awarding toptier code of the archive, or null for the every-agency delta. */
  readonly toptierCode: string | null;
}

export type DeltaCatalogKey = 'transaction.d1' | 'transaction.d2';

/** The indicator column every delta file starts with. */
export const CORRECTION_DELETE_IND = 'correction_delete_ind';

/**
 * The key columns a deleted transaction's `D` row fills (the reference's lists), by header, with the
 * transaction_delete_journal column each comes from. Contracts also lead with `agency_id`.
 */
export const DELTA_DELETE_KEYS: Readonly<Record<DeltaCatalogKey, Readonly<Record<string, string>>>> = {
  'transaction.d1': {
    agency_id: 'agency_id',
    parent_award_agency_id: 'parent_award_agency_id',
    award_id_piid: 'award_id_piid',
    modification_number: 'modification_number',
    parent_award_id_piid: 'parent_award_id_piid',
    transaction_number: 'transaction_number',
    contract_transaction_unique_key: 'transaction_unique_key',
  },
  'transaction.d2': {
    awarding_sub_agency_code: 'awarding_sub_agency_code',
    award_id_fain: 'award_id_fain',
    award_id_uri: 'award_id_uri',
    cfda_number: 'cfda_number',
    modification_number: 'modification_number',
    assistance_transaction_unique_key: 'transaction_unique_key',
  },
};

/** The headers of a delta file: the indicator, `agency_id` for Contracts, then the full archive's headers. */
export function deltaHeaders(key: DeltaCatalogKey): string[] {
  return [...leadingHeaders(key), ...catalogFor(key).headers];
}

function leadingHeaders(key: DeltaCatalogKey): string[] {
  return key === 'transaction.d1' ? [CORRECTION_DELETE_IND, 'agency_id'] : [CORRECTION_DELETE_IND];
}

/**
 * A delta file's rows: the transactions the filters select (changed in the window), `C` when the record was first
 * reported before the window (initial_report_date, else when this database first stored it) and empty when new;
 * then one `D` row per transaction deleted in the window and not stored again since, with only its key columns
 * and, as the reference does, the deletion date as `last_modified_date`. A key deleted twice is listed once.
 */
export function deltaSelectSql(key: DeltaCatalogKey, options: SelectSqlOptions, window: DeltaWindow): string {
  const since = `${escapeLiteral(window.since)}::date`;
  const leadingColumns = [
    {
      header: CORRECTION_DELETE_IND,
      sql: `CASE WHEN coalesce(transaction_search.initial_report_date, transaction_search.create_date) < ${since} THEN 'C' ELSE '' END`,
    },
    ...(key === 'transaction.d1'
      ? [{ header: 'agency_id', sql: `split_part(transaction_search.detached_award_proc_unique, '_', 1)` }]
      : []),
  ];
  const changed = buildSelectSql(key, { ...options, columns: undefined, leadingColumns });
  const until = `${escapeLiteral(window.until)}::date`;
  return `(${changed})\nUNION ALL\n(${deletedSql(key, since, until, window.toptierCode)})`;
}

function deletedSql(key: DeltaCatalogKey, since: string, until: string, toptierCode: string | null): string {
  const isFpds = key === 'transaction.d1';
  const keys = DELTA_DELETE_KEYS[key];
  const values = [
    `'D'`,
    ...(isFpds ? ['j.agency_id'] : []),
    ...catalogFor(key).headers.map((header) => {
      if (header === 'last_modified_date') return 'j.deleted_at';
      return keys[header] ? `j.${keys[header]}` : 'NULL';
    }),
  ];
  const headers = deltaHeaders(key);
  const selectList = values.map((value, index) => `${value} AS ${escapeIdentifier(headers[index])}`);
  const agency =
    toptierCode === null ? '' : ` AND awarding_toptier_agency_code = ${escapeLiteral(toptierCode)}`;
  const keyColumn = isFpds ? 'detached_award_proc_unique' : 'afa_generated_unique';
  return `SELECT ${selectList.join(', ')}
FROM (SELECT DISTINCT ON (transaction_unique_key) * FROM transaction_delete_journal
      WHERE is_fpds = ${isFpds} AND deleted_at >= ${since} AND deleted_at <= ${until}${agency}
      ORDER BY transaction_unique_key, deleted_at DESC) AS j
WHERE NOT EXISTS (SELECT 1 FROM transaction_search AS t
                  WHERE t.is_fpds = ${isFpds} AND t.${keyColumn} = j.transaction_unique_key)`;
}
