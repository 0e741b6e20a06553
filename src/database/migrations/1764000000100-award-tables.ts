import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reference's three denormalized search tables, which every award-side download reads
 * (docs/compatibility.md#data-model). This migration is the source of truth for their columns: no entity maps them, since
 * downloads read them only through generated COPY SQL.
 *
 * Column sets: every column named by data/columns.json (same names and types as the reference), plus
 * the keys, the inputs of computed headers (congressional districts) and denormalized filter columns
 * (agency ids, fiscal year, location codes). No foreign keys, as in the reference: the tables are
 * rebuilt in bulk and a key check per row would only slow the load.
 * `keyword_ts_vector` is a stored tsvector ('simple' configuration: no stemming, so codes, names and
 * non-English words match as written) over the free-text columns a keyword filter searches.
 */
export class AwardTables1764000000100 implements MigrationInterface {
  name = 'AwardTables1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(URLENCODE_FUNCTION);
    await queryRunner.query(`
      CREATE TABLE award_search (
        award_id bigint PRIMARY KEY,
        generated_unique_award_id text NOT NULL,
        is_fpds boolean NOT NULL,
        latest_transaction_search_id bigint,
        earliest_transaction_search_id bigint,
        display_award_id text, type text, type_description text, category text, cfdas text[],
        action_date date, fiscal_year integer, last_modified_date timestamptz, update_date timestamptz,
        awarding_agency_id integer, funding_agency_id integer,
        awarding_toptier_agency_code text, awarding_toptier_agency_name text,
        awarding_subtier_agency_code text, awarding_subtier_agency_name text,
        funding_toptier_agency_code text, funding_toptier_agency_name text,
        funding_subtier_agency_code text, funding_subtier_agency_name text,
        recipient_uei text, recipient_unique_id text, parent_uei text, parent_recipient_unique_id text,
        recipient_location_country_code text, recipient_location_state_code text,
        recipient_location_county_code text, recipient_location_congressional_code text,
        recipient_location_zip5 text, recipient_location_city_name text,
        pop_country_code text, pop_state_code text, pop_county_code text, pop_congressional_code text,
        pop_zip5 text, pop_city_name text,
        naics_code text, product_or_service_code text, cfda_number text,
        type_of_contract_pricing text, extent_competed text, type_set_aside text,
        business_categories text[], disaster_emergency_fund_codes text[],
        generated_pragmatic_obligation numeric(23,2),
        certified_date date, date_signed date, description text, fain text,
        non_federal_funding_amount numeric(23,2), officer_1_amount numeric(23,2), officer_1_name text,
        officer_2_amount numeric(23,2), officer_2_name text, officer_3_amount numeric(23,2), officer_3_name text,
        officer_4_amount numeric(23,2), officer_4_name text, officer_5_amount numeric(23,2), officer_5_name text,
        parent_award_piid text, period_of_performance_current_end_date date, period_of_performance_start_date date,
        piid text, recipient_name text, total_funding_amount numeric(23,2),
        total_indirect_federal_sharing numeric(23,2), total_loan_value numeric(23,2), total_obligation numeric(23,2),
        total_outlays numeric(23,2), total_subsidy_cost numeric(23,2), uri text,
        keyword_ts_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,
          coalesce(description, '') || ' ' || coalesce(recipient_name, '') || ' ' || coalesce(piid, '') || ' ' ||
          coalesce(fain, ''))) STORED
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX award_search_generated_unique_award_id_key ON award_search (generated_unique_award_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE transaction_search (
        transaction_id bigint PRIMARY KEY,
        award_id bigint,
        is_fpds boolean NOT NULL,
        fiscal_year integer, update_date timestamptz,
        awarding_agency_id integer, funding_agency_id integer,
        awarding_toptier_agency_code text, funding_toptier_agency_code text,
        recipient_location_congressional_code text, recipient_location_congressional_code_current text,
        recipient_location_county_code text,
        pop_congressional_code text, pop_congressional_code_current text, pop_county_code text, pop_zip5 text,
        business_categories text[],
        a_76_fair_act_action text, a_76_fair_act_action_desc text, action_date date, action_type text,
        action_type_description text, afa_generated_unique text, airport_authority boolean,
        alaskan_native_owned_corpo boolean, alaskan_native_servicing_i boolean, american_indian_owned_busi boolean,
        asian_pacific_american_own boolean, awarding_agency_code text, awarding_office_code text,
        awarding_office_name text, awarding_sub_tier_agency_c text, awarding_subtier_agency_name text,
        awarding_subtier_agency_name_raw text, awarding_toptier_agency_name text,
        awarding_toptier_agency_name_raw text, base_and_all_options_value text, base_exercised_options_val text,
        black_american_owned_busin boolean, business_funds_ind_desc text, business_funds_indicator text,
        business_types text, business_types_desc text, c1862_land_grant_college boolean,
        c1890_land_grant_college boolean, c1994_land_grant_college boolean, c8a_program_participant boolean,
        cage_code text, cfda_number text, cfda_title text, city_local_government boolean,
        clinger_cohen_act_pla_desc text, clinger_cohen_act_planning text, commercial_item_acqui_desc text,
        commercial_item_acquisitio text, commercial_item_test_desc text, commercial_item_test_progr text,
        community_developed_corpor boolean, community_development_corp boolean, consolidated_contract text,
        consolidated_contract_desc text, construction_wage_rat_desc text, construction_wage_rate_req text,
        contingency_humanitar_desc text, contingency_humanitarian_o text, contract_award_type text,
        contract_award_type_desc text, contract_bundling text, contract_bundling_descrip text, contract_financing text,
        contract_financing_descrip text, contracting_officers_desc text, contracting_officers_deter text,
        contracts boolean, corporate_entity_not_tax_e boolean, corporate_entity_tax_exemp boolean,
        correction_delete_ind_desc text, correction_delete_indicatr text, cost_accounting_stand_desc text,
        cost_accounting_standards text, cost_or_pricing_data text, cost_or_pricing_data_desc text,
        council_of_governments boolean, country_of_product_or_desc text, country_of_product_or_serv text,
        county_local_government boolean, current_total_value_award text, detached_award_proc_unique text,
        dod_claimant_prog_cod_desc text, dod_claimant_program_code text, domestic_or_foreign_e_desc text,
        domestic_or_foreign_entity text, domestic_shelter boolean, dot_certified_disadvantage boolean,
        economically_disadvantaged boolean, educational_institution boolean, emerging_small_business boolean,
        epa_designated_produc_desc text, epa_designated_product text, evaluated_preference text,
        evaluated_preference_desc text, extent_compete_description text, extent_competed text,
        face_value_loan_guarantee numeric(23,2), fain text, fair_opportunity_limi_desc text,
        fair_opportunity_limited_s text, fed_biz_opps text, fed_biz_opps_description text,
        federal_action_obligation numeric(23,2), federal_agency boolean, federally_funded_research boolean,
        for_profit_organization boolean, foreign_funding text, foreign_funding_desc text, foreign_government boolean,
        foreign_owned_and_located boolean, foundation boolean, funding_agency_code text, funding_office_code text,
        funding_office_name text, funding_opportunity_goals text, funding_opportunity_number text,
        funding_sub_tier_agency_co text, funding_subtier_agency_name text, funding_subtier_agency_name_raw text,
        funding_toptier_agency_name text, funding_toptier_agency_name_raw text,
        generated_pragmatic_obligation numeric(23,2), generated_unique_award_id text, government_furnished_desc text,
        government_furnished_prope text, grants boolean, hispanic_american_owned_bu boolean,
        hispanic_servicing_institu boolean, historically_black_college boolean, historically_underutilized boolean,
        hospital_flag boolean, housing_authorities_public boolean, idv_type text, idv_type_description text,
        indian_tribe_federally_rec boolean, indirect_federal_sharing numeric, information_technolog_desc text,
        information_technology_com text, inherently_government_desc text, inherently_government_func text,
        initial_report_date timestamptz, inter_municipal_local_gove boolean, interagency_contract_desc text,
        interagency_contracting_au text, international_organization boolean, interstate_entity boolean,
        joint_venture_economically boolean, joint_venture_women_owned boolean, labor_standards text,
        labor_standards_descrip text, labor_surplus_area_firm boolean, last_modified_date timestamptz,
        legal_entity_address_line1 text, legal_entity_address_line2 text, legal_entity_city_code text,
        legal_entity_foreign_city text, legal_entity_foreign_posta text, legal_entity_foreign_provi text,
        legal_entity_zip4 text, legal_entity_zip_last4 text, limited_liability_corporat boolean,
        local_area_set_aside text, local_area_set_aside_desc text, local_government_owned boolean, major_program text,
        manufacturer_of_goods boolean, materials_supplies_article text, materials_supplies_descrip text,
        minority_institution boolean, minority_owned_business boolean, modification_number text,
        multi_year_contract text, multi_year_contract_desc text, multiple_or_single_aw_desc text,
        multiple_or_single_award_i text, municipality_local_governm boolean, naics_code text, naics_description text,
        national_interest_action text, national_interest_desc text, native_american_owned_busi boolean,
        native_hawaiian_owned_busi boolean, native_hawaiian_servicing boolean,
        non_federal_funding_amount numeric(23,2), nonprofit_organization boolean, number_of_actions text,
        number_of_offers_received text, officer_1_amount numeric(23,2), officer_1_name text,
        officer_2_amount numeric(23,2), officer_2_name text, officer_3_amount numeric(23,2), officer_3_name text,
        officer_4_amount numeric(23,2), officer_4_name text, officer_5_amount numeric(23,2), officer_5_name text,
        ordering_period_end_date text, organizational_type text, original_loan_subsidy_cost numeric(23,2),
        other_minority_owned_busin boolean, other_not_for_profit_organ boolean, other_statutory_authority text,
        other_than_full_and_o_desc text, other_than_full_and_open_c text, parent_award_id text,
        parent_recipient_name text, parent_recipient_name_raw text, parent_recipient_unique_id text, parent_uei text,
        partnership_or_limited_lia boolean, performance_based_se_desc text, performance_based_service text,
        period_of_perf_potential_e text, period_of_performance_current_end_date date,
        period_of_performance_start_date date, piid text, place_of_manufacture text, place_of_manufacture_desc text,
        place_of_performance_code text, place_of_performance_forei text, place_of_performance_scope text,
        place_of_performance_zip4a text, planning_commission boolean, pop_city_name text, pop_country_code text,
        pop_country_name text, pop_county_fips text, pop_county_name text, pop_state_code text, pop_state_fips text,
        pop_state_name text, port_authority boolean, potential_total_value_awar text, price_evaluation_adjustmen text,
        private_university_or_coll boolean, product_or_service_code text, product_or_service_description text,
        program_acronym text, program_system_or_equ_desc text, program_system_or_equipmen text, pulled_from text,
        purchase_card_as_paym_desc text, purchase_card_as_payment_m text, receives_contracts_and_gra boolean,
        recipient_location_city_name text, recipient_location_country_code text, recipient_location_country_name text,
        recipient_location_county_fips text, recipient_location_county_name text, recipient_location_state_code text,
        recipient_location_state_fips text, recipient_location_state_name text, recipient_location_zip5 text,
        recipient_name text, recipient_name_raw text, recipient_uei text, recipient_unique_id text,
        record_type integer, record_type_description text, recovered_materials_s_desc text,
        recovered_materials_sustai text, referenced_idv_agency_desc text, referenced_idv_agency_iden text,
        referenced_idv_modificatio text, referenced_idv_type text, referenced_idv_type_desc text,
        referenced_mult_or_si_desc text, referenced_mult_or_single text, research text, research_description text,
        sai_number text, sam_exception text, sam_exception_description text, sba_certified_8_a_joint_ve boolean,
        school_district_local_gove boolean, school_of_forestry boolean, sea_transportation text,
        sea_transportation_desc text, self_certified_small_disad boolean, service_disabled_veteran_o boolean,
        small_agricultural_coopera boolean, small_business_competitive boolean, small_disadvantaged_busine boolean,
        sole_proprietorship boolean, solicitation_date date, solicitation_identifier text,
        solicitation_procedur_desc text, solicitation_procedures text, state_controlled_instituti boolean,
        subchapter_s_corporation boolean, subcontinent_asian_asian_i boolean, subcontracting_plan text,
        subcontracting_plan_desc text, the_ability_one_program boolean, total_obligated_amount text,
        township_local_government boolean, transaction_description text, transaction_number text,
        transit_authority boolean, tribal_college boolean, tribally_owned_business boolean, type text,
        type_description text, type_of_contract_pric_desc text, type_of_contract_pricing text, type_of_idc text,
        type_of_idc_description text, type_set_aside text, type_set_aside_description text, undefinitized_action text,
        undefinitized_action_desc text, uri text, us_federal_government boolean, us_government_entity boolean,
        us_local_government boolean, us_state_government boolean, us_tribal_government boolean,
        vendor_doing_as_business_n text, vendor_fax_number text, vendor_phone_number text,
        veteran_owned_business boolean, veterinary_college boolean, veterinary_hospital boolean,
        woman_owned_business boolean, women_owned_small_business boolean,
        keyword_ts_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,
          coalesce(transaction_description, '') || ' ' || coalesce(recipient_name, '') || ' ' ||
          coalesce(naics_description, '') || ' ' || coalesce(product_or_service_description, '') || ' ' ||
          coalesce(cfda_title, ''))) STORED
      )`);
    await queryRunner.query(`
      CREATE TABLE subaward_search (
        broker_subaward_id bigint PRIMARY KEY,
        award_id bigint,
        latest_transaction_id bigint,
        sub_fiscal_year integer, prime_award_group text, prime_award_type text,
        awarding_agency_id integer, funding_agency_id integer,
        awarding_toptier_agency_code text, funding_toptier_agency_code text,
        legal_entity_congressional text, legal_entity_congressional_current text,
        place_of_perform_congressio text, place_of_performance_congressional_current text,
        sub_legal_entity_congressional text, sub_legal_entity_congressional_raw text,
        sub_legal_entity_congressional_current text,
        sub_place_of_perform_congressio text, sub_place_of_perform_congressio_raw text,
        sub_place_of_performance_congressional_current text,
        sub_legal_entity_county_code text, sub_legal_entity_zip5 text,
        sub_place_of_perform_county_code text, sub_place_of_perform_zip5 text,
        product_or_service_code text, cfda_numbers text,
        action_date date, award_amount numeric(23,2), award_description text, awardee_or_recipient_legal text,
        awardee_or_recipient_uei text, awardee_or_recipient_uniqu text, awarding_agency_code text,
        awarding_agency_name text, awarding_office_code text, awarding_office_name text,
        awarding_sub_tier_agency_c text, awarding_sub_tier_agency_n text, business_types text,
        date_submitted timestamptz, dba_name text, fain text, funding_agency_code text, funding_agency_name text,
        funding_office_code text, funding_office_name text, funding_sub_tier_agency_co text,
        funding_sub_tier_agency_na text, internal_id text, legal_entity_address_line1 text,
        legal_entity_city_name text, legal_entity_country_code text, legal_entity_country_name text,
        legal_entity_county_fips text, legal_entity_foreign_posta text, legal_entity_state_code text,
        legal_entity_state_fips text, legal_entity_state_name text, legal_entity_zip text, naics text,
        naics_description text, parent_award_id text, piid text, place_of_perform_city_name text,
        place_of_perform_country_co text, place_of_perform_country_na text, place_of_perform_county_fips text,
        place_of_perform_scope text, place_of_perform_state_code text, place_of_perform_state_fips text,
        place_of_perform_state_name text, place_of_performance_zip text, pop_county_name text, program_title text,
        sub_action_date date, sub_awardee_or_recipient_legal text, sub_awardee_or_recipient_legal_raw text,
        sub_awardee_or_recipient_uei text, sub_awardee_or_recipient_uniqu text, sub_business_types text,
        sub_dba_name text, sub_high_comp_officer1_amount numeric(23,2), sub_high_comp_officer1_full_na text,
        sub_high_comp_officer2_amount numeric(23,2), sub_high_comp_officer2_full_na text,
        sub_high_comp_officer3_amount numeric(23,2), sub_high_comp_officer3_full_na text,
        sub_high_comp_officer4_amount numeric(23,2), sub_high_comp_officer4_full_na text,
        sub_high_comp_officer5_amount numeric(23,2), sub_high_comp_officer5_full_na text,
        sub_legal_entity_address_line1 text, sub_legal_entity_city_name text, sub_legal_entity_country_code text,
        sub_legal_entity_country_code_raw text, sub_legal_entity_country_name text,
        sub_legal_entity_country_name_raw text, sub_legal_entity_foreign_posta text, sub_legal_entity_state_code text,
        sub_legal_entity_state_name text, sub_legal_entity_zip text, sub_place_of_perform_city_name text,
        sub_place_of_perform_country_co text, sub_place_of_perform_country_co_raw text,
        sub_place_of_perform_country_na text, sub_place_of_perform_state_code text,
        sub_place_of_perform_state_name text, sub_place_of_performance_zip text, sub_ultimate_parent_legal_enti text,
        sub_ultimate_parent_legal_enti_raw text, sub_ultimate_parent_uei text, sub_ultimate_parent_unique_ide text,
        subaward_amount numeric(23,2), subaward_description text, subaward_number text, subaward_report_month smallint,
        subaward_report_year smallint, subaward_type text, ultimate_parent_legal_enti text, ultimate_parent_uei text,
        ultimate_parent_unique_ide text, unique_award_key text,
        keyword_ts_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,
          coalesce(subaward_description, '') || ' ' || coalesce(sub_awardee_or_recipient_legal, '') || ' ' ||
          coalesce(award_description, '') || ' ' || coalesce(awardee_or_recipient_legal, ''))) STORED
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subaward_search`);
    await queryRunner.query(`DROP TABLE transaction_search`);
    await queryRunner.query(`DROP TABLE award_search`);
    await queryRunner.query(`DROP FUNCTION urlencode(text)`);
  }
}

/**
 * The reference database's urlencode(): percent-encodes every UTF-8 byte of a character outside
 * [A-Za-z0-9-_.~] with uppercase hex ('%' itself becomes %25). Permalinks call it once per row, so the
 * common case (an id made only of safe characters) returns without splitting the string.
 */
const URLENCODE_FUNCTION = `
  CREATE OR REPLACE FUNCTION urlencode(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
    SELECT CASE WHEN input ~ '^[A-Za-z0-9_.~-]*$' THEN input ELSE (
      SELECT string_agg(
        CASE WHEN ch ~ '^[A-Za-z0-9_.~-]$' THEN ch
             ELSE upper(regexp_replace(encode(convert_to(ch, 'UTF8'), 'hex'), '(..)', '%\\1', 'g')) END,
        '' ORDER BY ord)
      FROM regexp_split_to_table(input, '') WITH ORDINALITY AS chars(ch, ord)
    ) END
  $fn$`;
