import { ClientBase } from 'pg';
import { ALL_AWARD_TYPES } from './award-type-lookup';

/**
 * Award summaries of the awards an import touched, derived from their transactions as the reference derives its
 * award records: identifying, agency, recipient, location and type fields from the latest transaction (latest
 * action date, then highest modification), the signing date from the earliest, and the amounts as sums. The base
 * transaction description the files carry is kept as the award's description. File C values (outlays, DEF
 * codes, COVID-19/IIJA amounts) cannot come from transaction files: they are kept as they were (NULL for a new
 * award). Awards left without transactions are removed, and new ones get ids. Returns [refreshed, removed].
 */
export async function refreshTouchedAwards(client: ClientBase): Promise<[number, number]> {
  await addMissingAwards(client);
  // One pass over the touched awards' transactions gives their sums and latest and earliest transaction; the
  // narrow rows are sorted, not the ~300-column ones (without the search indexes of a bulk load, every pass over
  // transaction_search is a full scan of it).
  await client.query(`DROP TABLE IF EXISTS import_award_sums`);
  await client.query(`
    CREATE TEMP TABLE import_award_sums ON COMMIT DROP AS
    WITH touched AS (
      SELECT a.award_id FROM import_touched_award AS t
      JOIN award_search AS a ON a.generated_unique_award_id = t.generated_unique_award_id
    ),
    ranked AS (
      SELECT ts.award_id, ts.transaction_id, ts.action_date, ts.federal_action_obligation,
        ts.non_federal_funding_amount, ts.original_loan_subsidy_cost, ts.face_value_loan_guarantee,
        ts.generated_pragmatic_obligation, ts.indirect_federal_sharing,
        row_number() OVER (PARTITION BY ts.award_id ORDER BY ts.action_date DESC, ${MODIFICATION_ORDER} DESC, ts.transaction_id DESC) AS latest_rank,
        row_number() OVER (PARTITION BY ts.award_id ORDER BY ts.action_date, ${MODIFICATION_ORDER}, ts.transaction_id) AS earliest_rank
      FROM transaction_search AS ts JOIN touched USING (award_id)
    )
    SELECT award_id,
      sum(federal_action_obligation) AS obligation, sum(non_federal_funding_amount) AS non_federal,
      sum(original_loan_subsidy_cost) AS subsidy, sum(face_value_loan_guarantee) AS face_value,
      sum(generated_pragmatic_obligation) AS pragmatic, sum(indirect_federal_sharing) AS indirect,
      max(transaction_id) FILTER (WHERE latest_rank = 1) AS latest_id,
      max(transaction_id) FILTER (WHERE earliest_rank = 1) AS earliest_id,
      max(action_date) FILTER (WHERE earliest_rank = 1) AS signed
    FROM ranked GROUP BY award_id`);
  await client.query(`ALTER TABLE import_award_sums ADD PRIMARY KEY (award_id)`);
  // Touched awards with no transaction left (deleted, or moved to another award by a later file) are removed.
  const removed = await client.query(
    `DELETE FROM award_search AS a USING import_touched_award AS t
     WHERE a.generated_unique_award_id = t.generated_unique_award_id
       AND NOT EXISTS (SELECT 1 FROM import_award_sums AS s WHERE s.award_id = a.award_id)`,
  );
  const refreshed = await client.query(`
    UPDATE award_search AS a SET
      latest_transaction_search_id = s.latest_id, earliest_transaction_search_id = s.earliest_id,
      display_award_id = coalesce(l.piid, l.fain, l.uri), type = l.type, type_description = l.type_description,
      category = types.category,
      cfdas = CASE WHEN l.is_fpds THEN NULL ELSE ARRAY[json_build_object('cfda_number', l.cfda_number, 'cfda_program_title', l.cfda_title)::text] END,
      action_date = l.action_date, fiscal_year = l.fiscal_year, last_modified_date = l.last_modified_date,
      update_date = l.update_date, awarding_agency_id = l.awarding_agency_id, funding_agency_id = l.funding_agency_id,
      awarding_toptier_agency_code = l.awarding_toptier_agency_code,
      awarding_toptier_agency_name = l.awarding_toptier_agency_name,
      awarding_subtier_agency_code = l.awarding_sub_tier_agency_c,
      awarding_subtier_agency_name = l.awarding_subtier_agency_name,
      funding_toptier_agency_code = l.funding_toptier_agency_code,
      funding_toptier_agency_name = l.funding_toptier_agency_name,
      funding_subtier_agency_code = l.funding_sub_tier_agency_co,
      funding_subtier_agency_name = l.funding_subtier_agency_name,
      recipient_uei = l.recipient_uei, recipient_unique_id = l.recipient_unique_id, parent_uei = l.parent_uei,
      parent_recipient_unique_id = l.parent_recipient_unique_id,
      recipient_location_country_code = l.recipient_location_country_code,
      recipient_location_state_code = l.recipient_location_state_code,
      recipient_location_county_code = l.recipient_location_county_code,
      recipient_location_congressional_code = l.recipient_location_congressional_code,
      recipient_location_zip5 = l.recipient_location_zip5, recipient_location_city_name = l.recipient_location_city_name,
      pop_country_code = l.pop_country_code, pop_state_code = l.pop_state_code, pop_county_code = l.pop_county_code,
      pop_congressional_code = l.pop_congressional_code, pop_zip5 = l.pop_zip5, pop_city_name = l.pop_city_name,
      naics_code = l.naics_code, product_or_service_code = l.product_or_service_code, cfda_number = l.cfda_number,
      type_of_contract_pricing = l.type_of_contract_pricing, extent_competed = l.extent_competed,
      type_set_aside = l.type_set_aside, business_categories = l.business_categories,
      generated_pragmatic_obligation = s.pragmatic, certified_date = l.action_date, date_signed = s.signed,
      description = coalesce(v.description, a.description), fain = l.fain,
      non_federal_funding_amount = s.non_federal,
      officer_1_amount = l.officer_1_amount, officer_1_name = l.officer_1_name,
      officer_2_amount = l.officer_2_amount, officer_2_name = l.officer_2_name,
      officer_3_amount = l.officer_3_amount, officer_3_name = l.officer_3_name,
      officer_4_amount = l.officer_4_amount, officer_4_name = l.officer_4_name,
      officer_5_amount = l.officer_5_amount, officer_5_name = l.officer_5_name,
      parent_award_piid = l.parent_award_id,
      period_of_performance_current_end_date = l.period_of_performance_current_end_date,
      period_of_performance_start_date = l.period_of_performance_start_date, piid = l.piid,
      recipient_name = l.recipient_name, total_funding_amount = s.obligation + coalesce(s.non_federal, 0),
      total_indirect_federal_sharing = s.indirect, total_loan_value = s.face_value, total_obligation = s.obligation,
      total_subsidy_cost = s.subsidy, uri = l.uri,
      fpds_agency_id = CASE WHEN l.is_fpds THEN l.awarding_sub_tier_agency_c END,
      fpds_parent_agency_id = l.referenced_idv_agency_iden
    FROM import_award_sums AS s
    JOIN transaction_search AS l ON l.transaction_id = s.latest_id
    LEFT JOIN (VALUES ${ALL_AWARD_TYPES}) AS types (code, category) ON types.code = l.type
    LEFT JOIN import_award_value AS v ON v.generated_unique_award_id = l.generated_unique_award_id
    WHERE a.award_id = s.award_id`);
  return [refreshed.rowCount ?? 0, removed.rowCount ?? 0];
}

/**
 * Touched awards without an award row get one, and their transactions its id. Applying a transaction file
 * creates the award rows first and stores every transaction with its award's id, so this usually finds nothing
 * and skips the two passes over transaction_search.
 */
async function addMissingAwards(client: ClientBase): Promise<void> {
  const missing = await client.query(
    `SELECT 1 FROM import_touched_award AS t
     WHERE NOT EXISTS (SELECT 1 FROM award_search AS a WHERE a.generated_unique_award_id = t.generated_unique_award_id)
     LIMIT 1`,
  );
  if (!missing.rowCount) return;
  await client.query(
    `INSERT INTO award_search (award_id, generated_unique_award_id, is_fpds)
     SELECT (SELECT coalesce(max(award_id), 0) FROM award_search) + row_number() OVER (), k.key, k.is_fpds
     FROM (SELECT DISTINCT ON (ts.generated_unique_award_id) ts.generated_unique_award_id AS key, ts.is_fpds
           FROM import_touched_award AS t
           JOIN transaction_search AS ts ON ts.generated_unique_award_id = t.generated_unique_award_id
           WHERE NOT EXISTS (SELECT 1 FROM award_search AS a WHERE a.generated_unique_award_id = t.generated_unique_award_id)
           ORDER BY ts.generated_unique_award_id) AS k`,
  );
  await client.query(
    `UPDATE transaction_search AS ts SET award_id = a.award_id
     FROM import_touched_award AS t JOIN award_search AS a ON a.generated_unique_award_id = t.generated_unique_award_id
     WHERE ts.generated_unique_award_id = t.generated_unique_award_id AND ts.award_id IS DISTINCT FROM a.award_id`,
  );
}

/** Modification numbers compared as numbers when they are, as text otherwise. */
const MODIFICATION_ORDER = `CASE WHEN ts.modification_number ~ '^[0-9]{1,9}$' THEN lpad(ts.modification_number, 9, '0') ELSE ts.modification_number END`;
