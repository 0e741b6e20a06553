import { ClientBase } from 'pg';

/**
 * Fills `parent_award` from the loaded awards, as the reference's pipeline derives it: one row per IDV,
 * its parent IDV (matched on PIID and agency, like every link of the hierarchy), and counters and totals
 * over the awards ordered directly off it and, for the rollups, off its child IDVs too (the hierarchy
 * has two levels of IDVs). One statement; runs after award_search and transaction_search are loaded.
 */
export async function buildParentAwards(client: ClientBase): Promise<number> {
  const result = await client.query(`
    WITH idv AS (
      SELECT award_id, generated_unique_award_id, piid, fpds_agency_id, parent_award_piid, fpds_parent_agency_id
      FROM award_search WHERE type LIKE 'IDV%'
    ),
    child AS (
      SELECT p.award_id AS parent_id, c.award_id, c.type LIKE 'IDV%' AS is_idv,
             COALESCE(c.total_obligation, 0) AS obligation,
             COALESCE(NULLIF(lt.base_and_all_options_value, '')::numeric, 0) AS all_options,
             COALESCE(NULLIF(lt.base_exercised_options_val, '')::numeric, 0) AS exercised
      FROM idv AS p
      JOIN award_search AS c ON c.parent_award_piid = p.piid AND c.fpds_parent_agency_id = p.fpds_agency_id
      LEFT JOIN transaction_search AS lt ON lt.transaction_id = c.latest_transaction_search_id
    ),
    direct AS (
      SELECT parent_id, count(*) FILTER (WHERE is_idv) AS idvs, count(*) FILTER (WHERE NOT is_idv) AS contracts,
             sum(obligation) AS obligation, sum(all_options) AS all_options, sum(exercised) AS exercised
      FROM child GROUP BY parent_id
    ),
    below AS (
      SELECT c.parent_id, sum(d.idvs) AS idvs, sum(d.contracts) AS contracts, sum(d.obligation) AS obligation,
             sum(d.all_options) AS all_options, sum(d.exercised) AS exercised
      FROM child AS c JOIN direct AS d ON d.parent_id = c.award_id
      WHERE c.is_idv GROUP BY c.parent_id
    )
    INSERT INTO parent_award (
      award_id, generated_unique_award_id, parent_award_id,
      direct_idv_count, direct_contract_count, direct_total_obligation,
      direct_base_and_all_options_value, direct_base_exercised_options_val,
      rollup_idv_count, rollup_contract_count, rollup_total_obligation,
      rollup_base_and_all_options_value, rollup_base_exercised_options_val)
    SELECT i.award_id, i.generated_unique_award_id, parent.award_id,
           COALESCE(d.idvs, 0), COALESCE(d.contracts, 0), COALESCE(d.obligation, 0),
           COALESCE(d.all_options, 0), COALESCE(d.exercised, 0),
           COALESCE(d.idvs, 0) + COALESCE(b.idvs, 0), COALESCE(d.contracts, 0) + COALESCE(b.contracts, 0),
           COALESCE(d.obligation, 0) + COALESCE(b.obligation, 0),
           COALESCE(d.all_options, 0) + COALESCE(b.all_options, 0),
           COALESCE(d.exercised, 0) + COALESCE(b.exercised, 0)
    FROM idv AS i
    LEFT JOIN idv AS parent ON parent.piid = i.parent_award_piid AND parent.fpds_agency_id = i.fpds_parent_agency_id
    LEFT JOIN direct AS d ON d.parent_id = i.award_id
    LEFT JOIN below AS b ON b.parent_id = i.award_id`);
  return result.rowCount ?? 0;
}
