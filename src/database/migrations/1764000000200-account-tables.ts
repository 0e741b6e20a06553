import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies, accounts, submissions and the three account files (docs/compatibility.md#data-model). Names, keys and
 * types mirror the reference so that data/columns.json paths map one to one. The reference declares
 * the File B amounts NOT NULL; we follow it there and nowhere else ("do not invent constraints").
 * File C's award_id has no foreign key: award_search is rebuilt in bulk (as in the reference's ETL).
 */
export class AccountTables1764000000200 implements MigrationInterface {
  name = 'AccountTables1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of AGENCY_TABLES) await queryRunner.query(statement);
    for (const statement of SUBMISSION_TABLES) await queryRunner.query(statement);
    for (const statement of ACCOUNT_FILE_TABLES) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const tables = [
      'gtas_sf133_balances',
      'financial_accounts_by_awards',
      'financial_accounts_by_program_activity_object_class',
      'appropriation_account_balances',
      'submission_attributes',
      'dabs_submission_window_schedule',
      'disaster_emergency_fund_code',
      'object_class',
      'program_activity_park',
      'ref_program_activity',
      'treasury_appropriation_account',
      'federal_account',
      'cgac',
      'agency',
      'subtier_agency',
      'toptier_agency',
    ];
    for (const table of tables) await queryRunner.query(`DROP TABLE ${table}`);
  }
}

const AGENCY_TABLES = [
  `CREATE TABLE toptier_agency (
    toptier_agency_id integer PRIMARY KEY,
    create_date timestamptz NOT NULL DEFAULT now(), update_date timestamptz NOT NULL DEFAULT now(),
    toptier_code text NOT NULL UNIQUE, abbreviation text, name text NOT NULL,
    mission text, about_agency_data text, website text, justification text, icon_filename text
  )`,
  `CREATE TABLE subtier_agency (
    subtier_agency_id integer PRIMARY KEY,
    create_date timestamptz NOT NULL DEFAULT now(), update_date timestamptz NOT NULL DEFAULT now(),
    subtier_code text NOT NULL UNIQUE, abbreviation text, name text NOT NULL
  )`,
  // The reference's `agency` pairs a toptier with a subtier; bulk-download filters send its id.
  `CREATE TABLE agency (
    id integer PRIMARY KEY,
    create_date timestamptz NOT NULL DEFAULT now(), update_date timestamptz NOT NULL DEFAULT now(),
    toptier_agency_id integer NOT NULL REFERENCES toptier_agency (toptier_agency_id),
    subtier_agency_id integer UNIQUE REFERENCES subtier_agency (subtier_agency_id),
    toptier_flag boolean NOT NULL DEFAULT false, user_selectable boolean NOT NULL DEFAULT false
  )`,
  `CREATE INDEX agency_toptier_agency_id_idx ON agency (toptier_agency_id)`,
  `CREATE TABLE cgac (cgac_code text PRIMARY KEY, agency_name text NOT NULL, agency_abbreviation text)`,
  `CREATE TABLE federal_account (
    id integer PRIMARY KEY,
    agency_identifier text NOT NULL, main_account_code text NOT NULL, account_title text NOT NULL,
    federal_account_code text,
    parent_toptier_agency_id integer REFERENCES toptier_agency (toptier_agency_id),
    UNIQUE (agency_identifier, main_account_code)
  )`,
  `CREATE INDEX federal_account_parent_toptier_agency_id_idx ON federal_account (parent_toptier_agency_id)`,
  `CREATE TABLE treasury_appropriation_account (
    treasury_account_identifier integer PRIMARY KEY,
    federal_account_id integer REFERENCES federal_account (id),
    funding_toptier_agency_id integer REFERENCES toptier_agency (toptier_agency_id),
    awarding_toptier_agency_id integer REFERENCES toptier_agency (toptier_agency_id),
    data_source text, tas_rendering_label text,
    allocation_transfer_agency_id text, agency_id text NOT NULL,
    beginning_period_of_availability text, ending_period_of_availability text, availability_type_code text,
    availability_type_code_description text,
    main_account_code text NOT NULL, sub_account_code text NOT NULL, account_title text,
    reporting_agency_id text, reporting_agency_name text, budget_bureau_code text, budget_bureau_name text,
    fr_entity_code text, fr_entity_description text,
    budget_function_code text, budget_function_title text,
    budget_subfunction_code text, budget_subfunction_title text,
    drv_appropriation_availability_period_start_date date, drv_appropriation_availability_period_end_date date,
    drv_appropriation_account_expired_status text,
    internal_start_date date, internal_end_date date
  )`,
  // Account-download filters: agency (funding toptier), federal account, budget (sub)function.
  `CREATE INDEX taa_funding_toptier_agency_id_idx ON treasury_appropriation_account (funding_toptier_agency_id)`,
  `CREATE INDEX taa_federal_account_id_idx ON treasury_appropriation_account (federal_account_id)`,
  `CREATE INDEX taa_budget_function_code_idx
    ON treasury_appropriation_account (budget_function_code, budget_subfunction_code)`,
  `CREATE INDEX taa_budget_subfunction_code_idx ON treasury_appropriation_account (budget_subfunction_code)`,
  `CREATE INDEX taa_tas_rendering_label_idx ON treasury_appropriation_account (tas_rendering_label)`,
  `CREATE TABLE ref_program_activity (
    id integer PRIMARY KEY,
    program_activity_code text NOT NULL, program_activity_name text, budget_year text,
    responsible_agency_id text, allocation_transfer_agency_id text, main_account_code text,
    create_date timestamptz NOT NULL DEFAULT now(), update_date timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE program_activity_park (code text PRIMARY KEY, name text NOT NULL)`,
  `CREATE TABLE object_class (
    id integer PRIMARY KEY,
    major_object_class text, major_object_class_name text,
    object_class text NOT NULL, object_class_name text NOT NULL,
    direct_reimbursable text, direct_reimbursable_name text,
    create_date timestamptz NOT NULL DEFAULT now(), update_date timestamptz NOT NULL DEFAULT now(),
    UNIQUE (object_class, direct_reimbursable)
  )`,
  `CREATE TABLE disaster_emergency_fund_code (
    code text PRIMARY KEY, public_law text NOT NULL, title text, group_name text, urls text,
    earliest_public_law_enactment_date date,
    create_date timestamptz NOT NULL DEFAULT now(), update_date timestamptz NOT NULL DEFAULT now()
  )`,
];

const SUBMISSION_TABLES = [
  `CREATE TABLE dabs_submission_window_schedule (
    id integer PRIMARY KEY,
    period_start_date timestamptz, period_end_date timestamptz,
    submission_start_date timestamptz, submission_due_date timestamptz, certification_due_date timestamptz,
    submission_reveal_date timestamptz NOT NULL,
    submission_fiscal_year integer NOT NULL, submission_fiscal_quarter integer NOT NULL,
    submission_fiscal_month integer NOT NULL, is_quarter boolean NOT NULL,
    UNIQUE (submission_fiscal_year, submission_fiscal_quarter, submission_fiscal_month, is_quarter)
  )`,
  `CREATE TABLE submission_attributes (
    submission_id integer PRIMARY KEY,
    submission_window_id integer NOT NULL REFERENCES dabs_submission_window_schedule (id),
    toptier_code text, reporting_agency_name text,
    reporting_fiscal_year integer, reporting_fiscal_quarter integer, reporting_fiscal_period integer,
    quarter_format_flag boolean NOT NULL DEFAULT true,
    is_final_balances_for_fy boolean NOT NULL DEFAULT false,
    published_date timestamptz, certified_date timestamptz,
    reporting_period_start date, reporting_period_end date, history jsonb,
    create_date timestamptz NOT NULL DEFAULT now(), update_date timestamptz NOT NULL DEFAULT now()
  )`,
  // latest_submission_ids() and the File C period filter both scan by year then agency/period.
  `CREATE INDEX submission_attributes_period_idx
    ON submission_attributes (reporting_fiscal_year, reporting_fiscal_period, quarter_format_flag)`,
  `CREATE INDEX submission_attributes_toptier_code_idx ON submission_attributes (toptier_code, reporting_fiscal_year)`,
  `CREATE INDEX submission_attributes_window_idx ON submission_attributes (submission_window_id)`,
];

const AMOUNT = 'numeric(23,2)';
const FILE_A_AMOUNTS = [
  'budget_authority_unobligated_balance_brought_forward_fyb',
  'adjustments_to_unobligated_balance_brought_forward_cpe',
  'budget_authority_appropriated_amount_cpe',
  'borrowing_authority_amount_total_cpe',
  'contract_authority_amount_total_cpe',
  'spending_authority_from_offsetting_collections_amount_cpe',
  'other_budgetary_resources_amount_cpe',
  'total_budgetary_resources_amount_cpe',
  'gross_outlay_amount_by_tas_cpe',
  'deobligations_recoveries_refunds_by_tas_cpe',
  'unobligated_balance_cpe',
  'status_of_budgetary_resources_total_cpe',
  'obligations_incurred_total_by_tas_cpe',
];
// The 33 File B amounts: the 30 that feed headers (docs/compatibility.md#data-model), the two _fyb columns the
// reference never outputs (we do: docs/compatibility.md#column-mapping-fixes) and the three used by computed headers.
const FILE_B_AMOUNTS = [
  'obligations_undelivered_orders_unpaid_total_fyb',
  'obligations_undelivered_orders_unpaid_total_cpe',
  'obligations_delivered_orders_unpaid_total_fyb',
  'obligations_delivered_orders_unpaid_total_cpe',
  'gross_outlays_undelivered_orders_prepaid_total_fyb',
  'gross_outlays_undelivered_orders_prepaid_total_cpe',
  'gross_outlays_delivered_orders_paid_total_fyb',
  'gross_outlays_delivered_orders_paid_total_cpe',
  'gross_outlay_amount_by_program_object_class_fyb',
  'gross_outlay_amount_by_program_object_class_cpe',
  'obligations_incurred_by_program_object_class_cpe',
  'ussgl487100_down_adj_pri_unpaid_undel_orders_oblig_recov_cpe',
  'ussgl497100_down_adj_pri_unpaid_deliv_orders_oblig_recov_cpe',
  'ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe',
  'ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe',
  'deobligations_recoveries_refund_pri_program_object_class_cpe',
  'ussgl480100_undelivered_orders_obligations_unpaid_fyb',
  'ussgl480100_undelivered_orders_obligations_unpaid_cpe',
  'ussgl480200_undelivered_orders_oblig_prepaid_advanced_fyb',
  'ussgl480200_undelivered_orders_oblig_prepaid_advanced_cpe',
  'ussgl483100_undelivered_orders_oblig_transferred_unpaid_cpe',
  'ussgl483200_undeliv_orders_oblig_transferred_prepaid_adv_cpe',
  'ussgl488100_upward_adjust_pri_undeliv_order_oblig_unpaid_cpe',
  'ussgl488200_up_adjust_pri_undeliv_order_oblig_ppaid_adv_cpe',
  'ussgl490100_delivered_orders_obligations_unpaid_fyb',
  'ussgl490100_delivered_orders_obligations_unpaid_cpe',
  'ussgl490200_delivered_orders_obligations_paid_cpe',
  'ussgl490800_authority_outlayed_not_yet_disbursed_fyb',
  'ussgl490800_authority_outlayed_not_yet_disbursed_cpe',
  'ussgl493100_delivered_orders_oblig_transferred_unpaid_cpe',
  'ussgl498100_upward_adjust_pri_deliv_orders_oblig_unpaid_cpe',
  'ussgl498200_upward_adjust_pri_deliv_orders_oblig_paid_cpe',
];
const GTAS_AMOUNTS = [
  'adjustments_to_unobligated_balance_brought_forward_cpe',
  'adjustments_to_unobligated_balance_brought_forward_fyb',
  'anticipated_prior_year_obligation_recoveries',
  'borrowing_authority_amount',
  'budget_authority_appropriation_amount_cpe',
  'budget_authority_unobligated_balance_brought_forward_cpe',
  'contract_authority_amount',
  'deobligations_or_recoveries_or_refunds_from_prior_year_cpe',
  'gross_outlay_amount_by_tas_cpe',
  'obligations_incurred_total_cpe',
  'other_budgetary_resources_amount_cpe',
  'prior_year_paid_obligation_recoveries',
  'spending_authority_from_offsetting_collections_amount',
  'status_of_budgetary_resources_total_cpe',
  'total_budgetary_resources_cpe',
  'unobligated_balance_cpe',
];
const amounts = (names: string[], notNull = false): string =>
  names.map((name) => `${name} ${AMOUNT}${notNull ? ' NOT NULL' : ''}`).join(',\n    ');

const FILE_COMMON_KEYS = `
    submission_id integer NOT NULL REFERENCES submission_attributes (submission_id),
    treasury_account_id integer REFERENCES treasury_appropriation_account (treasury_account_identifier),
    program_activity_id integer REFERENCES ref_program_activity (id),
    object_class_id integer REFERENCES object_class (id),
    program_activity_reporting_key text REFERENCES program_activity_park (code),
    disaster_emergency_fund_code text REFERENCES disaster_emergency_fund_code (code),
    data_source text, reporting_period_start date, reporting_period_end date, last_modified_date date,
    certified_date date, create_date timestamptz NOT NULL DEFAULT now(),
    update_date timestamptz NOT NULL DEFAULT now()`;

const ACCOUNT_FILE_TABLES = [
  `CREATE TABLE appropriation_account_balances (
    appropriation_account_balances_id integer PRIMARY KEY,
    treasury_account_identifier integer NOT NULL
      REFERENCES treasury_appropriation_account (treasury_account_identifier),
    submission_id integer NOT NULL REFERENCES submission_attributes (submission_id),
    final_of_fy boolean NOT NULL DEFAULT false,
    data_source text, reporting_period_start date, reporting_period_end date, last_modified_date date,
    certified_date date, create_date timestamptz NOT NULL DEFAULT now(),
    update_date timestamptz NOT NULL DEFAULT now(),
    ${amounts(FILE_A_AMOUNTS)}
  )`,
  `CREATE INDEX aab_submission_id_idx ON appropriation_account_balances (submission_id)`,
  `CREATE INDEX aab_treasury_account_identifier_idx ON appropriation_account_balances (treasury_account_identifier)`,
  `CREATE TABLE financial_accounts_by_program_activity_object_class (
    financial_accounts_by_program_activity_object_class_id integer PRIMARY KEY,${FILE_COMMON_KEYS},
    prior_year_adjustment text,
    ${amounts(FILE_B_AMOUNTS, true)}
  )`,
  `CREATE INDEX fabpaoc_submission_id_idx ON financial_accounts_by_program_activity_object_class (submission_id)`,
  `CREATE INDEX fabpaoc_treasury_account_id_idx
    ON financial_accounts_by_program_activity_object_class (treasury_account_id)`,
  `CREATE INDEX fabpaoc_defc_idx ON financial_accounts_by_program_activity_object_class (disaster_emergency_fund_code)`,
  `CREATE TABLE financial_accounts_by_awards (
    financial_accounts_by_awards_id integer PRIMARY KEY,${FILE_COMMON_KEYS},
    award_id bigint,
    distinct_award_key text NOT NULL,
    piid text, parent_award_id text, fain text, uri text,
    transaction_obligated_amount ${AMOUNT},
    gross_outlay_amount_by_award_cpe ${AMOUNT},
    gross_outlay_amount_by_award_fyb ${AMOUNT},
    ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe ${AMOUNT},
    ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe ${AMOUNT}
  )`,
  // Every award-side computed header (*_funding_this_award, COVID/IIJA amounts) is a per-row subquery on award_id.
  `CREATE INDEX faba_award_id_idx ON financial_accounts_by_awards (award_id)`,
  `CREATE INDEX faba_submission_id_idx ON financial_accounts_by_awards (submission_id)`,
  `CREATE INDEX faba_treasury_account_id_idx ON financial_accounts_by_awards (treasury_account_id)`,
  `CREATE INDEX faba_defc_idx ON financial_accounts_by_awards (disaster_emergency_fund_code)`,
  `CREATE TABLE gtas_sf133_balances (
    id integer PRIMARY KEY,
    fiscal_year integer NOT NULL, fiscal_period integer NOT NULL,
    treasury_account_identifier integer REFERENCES treasury_appropriation_account (treasury_account_identifier),
    disaster_emergency_fund_code text REFERENCES disaster_emergency_fund_code (code),
    tas_rendering_label text,
    ${amounts(GTAS_AMOUNTS)},
    create_date timestamptz NOT NULL DEFAULT now(), update_date timestamptz NOT NULL DEFAULT now(),
    UNIQUE (fiscal_year, fiscal_period, disaster_emergency_fund_code, tas_rendering_label)
  )`,
];
