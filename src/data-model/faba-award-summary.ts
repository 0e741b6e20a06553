import { ClientBase } from 'pg';
import { DataSource } from 'typeorm';
import { FABA_AWARD_SUMMARY_TABLE, fabaAwardSummarySelect } from '../catalog/faba-award-summary-sql.util';

/**
 * The File C submission windows revealed now, as text: the aggregates' "closed period" rule depends on
 * them, so precomputed values are current only while the same windows are revealed.
 */
const REVEALED_WINDOWS_SQL = `
  SELECT coalesce(string_agg(concat_ws(':', submission_fiscal_year, is_quarter, revealed_month), ','
                  ORDER BY submission_fiscal_year, is_quarter), '')
  FROM (SELECT submission_fiscal_year, is_quarter, max(submission_fiscal_month) AS revealed_month
        FROM dabs_submission_window_schedule WHERE submission_reveal_date <= now()
        GROUP BY submission_fiscal_year, is_quarter) AS revealed`;

const IS_CURRENT_SQL = `
  SELECT state.changes_seen IS NOT DISTINCT FROM changes.last_value AND changes.is_called
         AND state.revealed_windows = (${REVEALED_WINDOWS_SQL}) AS current
  FROM faba_award_summary_state AS state, faba_award_summary_changes AS changes`;

/** What `query` runs on: a pg client (seeders, scripts) or a TypeORM data source. */
type Queryable = Pick<ClientBase, 'query'> | DataSource;

async function run<T>(db: Queryable, sql: string): Promise<T[]> {
  if (db instanceof DataSource) return db.query<T[]>(sql);
  return (await (db as ClientBase).query(sql)).rows as T[];
}

/**
 * Recomputes `faba_award_summary` from File C. Call it after loading File C or its lookup tables (the
 * seeders and the archive command do); until then downloads compute the values live, so a missed call costs
 * speed, never correctness. Runs inside the caller's transaction when there is one. Returns the award count.
 */
export async function refreshFabaAwardSummary(db: Queryable): Promise<number> {
  // The change number before reading File C: a change made while this runs leaves the summary stale.
  await run(db, `SELECT nextval('faba_award_summary_changes')`);
  const [seen] = await run<{ last_value: string }>(db, 'SELECT last_value FROM faba_award_summary_changes');
  await run(db, `DELETE FROM ${FABA_AWARD_SUMMARY_TABLE}`);
  // File C rows of no award (unlinked) form a NULL group no download joins to.
  await run(
    db,
    `INSERT INTO ${FABA_AWARD_SUMMARY_TABLE}
     SELECT * FROM (${fabaAwardSummarySelect()}) AS grouped WHERE award_id IS NOT NULL`,
  );
  await run(
    db,
    `UPDATE faba_award_summary_state SET changes_seen = ${Number(seen.last_value)},
       revealed_windows = (${REVEALED_WINDOWS_SQL}), refreshed_at = clock_timestamp()`,
  );
  await run(db, `ANALYZE ${FABA_AWARD_SUMMARY_TABLE}`);
  const [{ count }] = await run<{ count: string }>(db, `SELECT count(*) FROM ${FABA_AWARD_SUMMARY_TABLE}`);
  return Number(count);
}

/** True when the precomputed values equal what downloads would compute now. */
export async function isFabaAwardSummaryCurrent(db: Queryable): Promise<boolean> {
  const [row] = await run<{ current: boolean }>(db, IS_CURRENT_SQL);
  return row?.current === true;
}
