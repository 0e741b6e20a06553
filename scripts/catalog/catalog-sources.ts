/**
 * The base source of each file type: its FROM/JOIN clause and how a columns.json `via` hop maps to a
 * join alias. Every join is a LEFT JOIN on a primary key, so PostgreSQL removes the joins a given
 * column selection does not use (join removal), and the base row count never changes. Award-side
 * sources also get the faba_award join (faba-award-sql.ts), chosen per request by buildSelectSql.
 */

import { GTAS_AID, GTAS_ATA, RECIPIENT_FROM } from './disaster-sql';

export interface SourceDefinition {
  /** columns.json top-level key. */
  readonly fileType: string;
  readonly baseTable: string;
  /** columns.json's name for the base (a `vw_*` view for account files), replaced by `baseTable`. */
  readonly referenceBase: string;
  readonly fromClause: string;
  /** Per level (d1/d2): the contracts/assistance split. */
  readonly rowConditions: Readonly<Record<string, string>>;
  /** Award id of the row; its presence gives the source the faba_award join. */
  readonly awardIdSql?: string;
  /**
   * Whether the list also gets the all-awards form of that join (used for unfiltered downloads). Not
   * for subawards: they reference few awards, so aggregating all of File C costs more than it saves.
   */
  readonly fabaAllAwards?: boolean;
}

const ACCOUNT_JOINS = (fileTable: string, tasColumn: string): string =>
  [
    `FROM ${fileTable} AS ${fileTable}`,
    `INNER JOIN submission_attributes AS submission_attributes ON submission_attributes.submission_id = ${fileTable}.submission_id`,
    `LEFT JOIN treasury_appropriation_account AS treasury_appropriation_account ON treasury_appropriation_account.treasury_account_identifier = ${fileTable}.${tasColumn}`,
    `LEFT JOIN federal_account AS federal_account ON federal_account.id = treasury_appropriation_account.federal_account_id`,
    `LEFT JOIN toptier_agency AS funding_toptier_agency ON funding_toptier_agency.toptier_agency_id = treasury_appropriation_account.funding_toptier_agency_id`,
    `LEFT JOIN toptier_agency AS parent_toptier_agency ON parent_toptier_agency.toptier_agency_id = federal_account.parent_toptier_agency_id`,
    `LEFT JOIN cgac AS cgac_aid ON cgac_aid.cgac_code = treasury_appropriation_account.agency_id`,
    `LEFT JOIN cgac AS cgac_ata ON cgac_ata.cgac_code = treasury_appropriation_account.allocation_transfer_agency_id`,
  ].join('\n');

const BREAKDOWN_JOINS = (fileTable: string): string =>
  [
    `LEFT JOIN ref_program_activity AS ref_program_activity ON ref_program_activity.id = ${fileTable}.program_activity_id`,
    `LEFT JOIN program_activity_park AS program_activity_park ON program_activity_park.code = ${fileTable}.program_activity_reporting_key`,
    `LEFT JOIN object_class AS object_class ON object_class.id = ${fileTable}.object_class_id`,
    `LEFT JOIN disaster_emergency_fund_code AS disaster_emergency_fund_code ON disaster_emergency_fund_code.code = ${fileTable}.disaster_emergency_fund_code`,
  ].join('\n');

export const SOURCES: readonly SourceDefinition[] = [
  {
    fileType: 'award',
    baseTable: 'award_search',
    referenceBase: 'award_search',
    fromClause: [
      'FROM award_search AS award_search',
      'LEFT JOIN transaction_search AS latest_transaction ON latest_transaction.transaction_id = award_search.latest_transaction_search_id',
      'LEFT JOIN transaction_search AS earliest_transaction ON earliest_transaction.transaction_id = award_search.earliest_transaction_search_id',
    ].join('\n'),
    rowConditions: { d1: 'award_search.is_fpds = true', d2: 'award_search.is_fpds = false' },
    awardIdSql: 'award_search.award_id',
    fabaAllAwards: true,
  },
  {
    fileType: 'transaction',
    baseTable: 'transaction_search',
    referenceBase: 'transaction_search',
    fromClause: [
      'FROM transaction_search AS transaction_search',
      'LEFT JOIN award_search AS award_search ON award_search.award_id = transaction_search.award_id',
    ].join('\n'),
    rowConditions: { d1: 'transaction_search.is_fpds = true', d2: 'transaction_search.is_fpds = false' },
    awardIdSql: 'transaction_search.award_id',
    fabaAllAwards: true,
  },
  {
    fileType: 'sub_award',
    baseTable: 'subaward_search',
    referenceBase: 'subaward_search',
    // The split reads the prime's latest transaction, so a subaward without one is in neither file
    // (docs/compatibility.md#award-file-sources): the conditions below reject NULL like the reference's inner join.
    fromClause: [
      'FROM subaward_search AS subaward_search',
      'LEFT JOIN transaction_search AS latest_transaction ON latest_transaction.transaction_id = subaward_search.latest_transaction_id',
      'LEFT JOIN award_search AS award_search ON award_search.award_id = subaward_search.award_id',
    ].join('\n'),
    rowConditions: { d1: 'latest_transaction.is_fpds = true', d2: 'latest_transaction.is_fpds = false' },
    awardIdSql: 'subaward_search.award_id',
  },
  {
    fileType: 'account_balances',
    baseTable: 'appropriation_account_balances',
    referenceBase: 'vw_appropriation_account_balances_download',
    fromClause: ACCOUNT_JOINS('appropriation_account_balances', 'treasury_account_identifier'),
    rowConditions: {},
  },
  {
    fileType: 'object_class_program_activity',
    baseTable: 'financial_accounts_by_program_activity_object_class',
    referenceBase: 'vw_financial_accounts_by_program_activity_object_class_download',
    fromClause: [
      ACCOUNT_JOINS('financial_accounts_by_program_activity_object_class', 'treasury_account_id'),
      BREAKDOWN_JOINS('financial_accounts_by_program_activity_object_class'),
    ].join('\n'),
    rowConditions: {},
  },
  {
    fileType: 'award_financial',
    baseTable: 'financial_accounts_by_awards',
    referenceBase: 'vw_financial_accounts_by_awards_download',
    fromClause: [
      ACCOUNT_JOINS('financial_accounts_by_awards', 'treasury_account_id'),
      BREAKDOWN_JOINS('financial_accounts_by_awards'),
      'LEFT JOIN award_search AS award_search ON award_search.award_id = financial_accounts_by_awards.award_id',
      'LEFT JOIN transaction_search AS latest_transaction ON latest_transaction.transaction_id = award_search.latest_transaction_search_id',
    ].join('\n'),
    rowConditions: {},
  },
  {
    // The COVID-19 download's account balances: GTAS rows, whose TAS parts fall back on the label.
    fileType: 'gtas_balances',
    baseTable: 'gtas_sf133_balances',
    referenceBase: 'gtas_sf133_balances',
    fromClause: [
      'FROM gtas_sf133_balances AS gtas_sf133_balances',
      'LEFT JOIN treasury_appropriation_account AS treasury_appropriation_account ON treasury_appropriation_account.treasury_account_identifier = gtas_sf133_balances.treasury_account_identifier',
      'LEFT JOIN federal_account AS federal_account ON federal_account.id = treasury_appropriation_account.federal_account_id',
      'LEFT JOIN toptier_agency AS parent_toptier_agency ON parent_toptier_agency.toptier_agency_id = federal_account.parent_toptier_agency_id',
      'LEFT JOIN disaster_emergency_fund_code AS disaster_emergency_fund_code ON disaster_emergency_fund_code.code = gtas_sf133_balances.disaster_emergency_fund_code',
      `LEFT JOIN cgac AS cgac_aid ON cgac_aid.cgac_code = ${GTAS_AID}`,
      `LEFT JOIN cgac AS cgac_ata ON cgac_ata.cgac_code = ${GTAS_ATA}`,
    ].join('\n'),
    rowConditions: {},
  },
  {
    // The COVID-19 recipient file: awards with DEFC spending in File C, aggregated per recipient.
    fileType: 'disaster_recipient',
    baseTable: 'award_search',
    referenceBase: 'award_search',
    fromClause: RECIPIENT_FROM,
    rowConditions: {},
  },
];

/** Last `via` hop (base name replaced by `<base>`) → join alias. */
export const HOP_ALIASES: Readonly<Record<string, string>> = {
  'award_search.latest_transaction_search_id -> transaction_search': 'latest_transaction',
  'award_search.earliest_transaction_search_id -> transaction_search': 'earliest_transaction',
  'transaction_search.award_id -> award_search': 'award_search',
  'subaward_search.latest_transaction_id -> transaction_search': 'latest_transaction',
  'subaward_search.award_id -> award_search': 'award_search',
  '<base>.treasury_account_identifier -> treasury_appropriation_account': 'treasury_appropriation_account',
  '<base>.treasury_account_id -> treasury_appropriation_account': 'treasury_appropriation_account',
  'treasury_appropriation_account.funding_toptier_agency_id -> toptier_agency': 'funding_toptier_agency',
  'treasury_appropriation_account.federal_account_id -> federal_account': 'federal_account',
  'federal_account.parent_toptier_agency_id -> toptier_agency': 'parent_toptier_agency',
  '<base>.submission_id -> submission_attributes': 'submission_attributes',
  '<base>.program_activity_id -> ref_program_activity': 'ref_program_activity',
  '<base>.program_activity_reporting_key -> program_activity_park': 'program_activity_park',
  '<base>.object_class_id -> object_class': 'object_class',
  '<base>.disaster_emergency_fund_code -> disaster_emergency_fund_code': 'disaster_emergency_fund_code',
  '<base>.award_id -> award_search': 'award_search',
};

/** Columns of the reference's download views that are not columns of the File A/B/C tables. */
export const VIEW_COLUMNS: Readonly<Record<string, string>> = {
  agency_identifier_name: 'cgac_aid.agency_name',
  allocation_transfer_agency_identifier_name: 'cgac_ata.agency_name',
};
