import { SQL_PLACEHOLDERS, VariantCatalogKey } from '../../src/catalog/catalog.types';
import { SourceDefinition } from './catalog-sources';
import { profileAggregateJoin, RECIPIENT_COLUMNS, RECIPIENT_GROUP_BY } from './disaster-sql';
import { fabaAwardColumn } from './faba-award-sql';

/**
 * Files computed from a columns.json list in another way than the list's own download. Each variant
 * starts from the base list's translated columns (same generator, same fixes) and states only what
 * differs: the header order, renamed or extra headers, column expressions, and the FROM / row
 * condition. A header the variant names but the base list lacks stops the generator.
 */
export interface VariantDefinition {
  readonly key: VariantCatalogKey;
  /** The columns.json list the columns come from, e.g. `award.d1`. */
  readonly base: string;
  /** The file's headers in order; the base list's headers when omitted. */
  readonly headers?: readonly string[];
  /** Variant header → the base header whose expression it takes. */
  readonly renames?: Readonly<Record<string, string>>;
  /** Base headers the file leaves out (when `headers` is omitted). */
  readonly drop?: readonly string[];
  /** Header → its SQL; `baseSql()` translates the base list's entry of the same (or renamed) header. */
  readonly overrides?: Readonly<Record<string, (baseSql: () => string) => string>>;
  readonly fromClause?: (base: SourceDefinition) => string;
  readonly rowCondition?: (baseCondition: string | undefined) => string | undefined;
  /** Aggregated files only: explicit grouping keys. */
  readonly groupBy?: readonly string[];
  /** Whether the file keeps the base list's faba_award join (the `*_funding_this_award` columns). */
  readonly withFabaAward?: boolean;
  readonly aggregations?: Readonly<Record<string, 'group_by' | 'sum' | 'count_distinct'>>;
}

const gated =
  (date: string, column: string) =>
  (baseSql: () => string): string =>
    `CASE WHEN ${column} >= DATE '${date}' THEN ${baseSql()} END`;

/** COVID-19 amounts count from 2020-04-01, IIJA amounts from 2021-11-15 (the laws' dates). */
const AWARD_PAGE_TRANSACTION_OVERRIDES = {
  'outlayed_amount_from_COVID-19_supplementals_for_overall_award': gated(
    '2020-04-01',
    'transaction_search.action_date',
  ),
  'obligated_amount_from_COVID-19_supplementals_for_overall_award': gated(
    '2020-04-01',
    'transaction_search.action_date',
  ),
  outlayed_amount_from_IIJA_supplemental_for_overall_award: gated(
    '2021-11-15',
    'transaction_search.action_date',
  ),
  obligated_amount_from_IIJA_supplemental_for_overall_award: gated(
    '2021-11-15',
    'transaction_search.action_date',
  ),
};

/** The profile's permalinks always point at the public website, whatever the service's setting. */
const publicPermalink = (baseSql: () => string): string => {
  const sql = baseSql();
  if (!sql.includes(SQL_PLACEHOLDERS.permalinkPrefix)) throw new Error('permalink without prefix');
  return sql.split(SQL_PLACEHOLDERS.permalinkPrefix).join("'https://www.usaspending.gov/award/'");
};

const fixed = (sql: string) => (): string => sql;

/** The per-award COVID-19 and IIJA File C aggregates of the profile files (disaster-sql.ts). */
const profileJoins = (awardIdSql: string): string =>
  [
    profileAggregateJoin('INNER', 'covid_19', '2020-04-01', 'covid_award', awardIdSql),
    profileAggregateJoin('LEFT', 'infrastructure', '2021-11-15', 'iija_award', awardIdSql),
  ].join('\n');

const PROFILE_AWARD_OVERRIDES = {
  disaster_emergency_fund_codes: fixed('covid_award.def_codes'),
  'outlayed_amount_from_COVID-19_supplementals': fixed('covid_award.outlays'),
  'obligated_amount_from_COVID-19_supplementals': fixed('covid_award.obligations'),
  outlayed_amount_from_IIJA_supplemental: fixed('iija_award.outlays'),
  obligated_amount_from_IIJA_supplemental: fixed('iija_award.obligations'),
  usaspending_permalink: publicPermalink,
  recipient_county_code: fixed('latest_transaction.recipient_location_county_code'),
  primary_place_of_performance_county_code: fixed('latest_transaction.pop_county_code'),
};

const PROFILE_SUBAWARD_OVERRIDES = {
  prime_award_disaster_emergency_fund_codes: fixed('covid_award.def_codes'),
  'prime_award_outlayed_amount_from_COVID-19_supplementals': fixed('covid_award.outlays'),
  'prime_award_obligated_amount_from_COVID-19_supplementals': fixed('covid_award.obligations'),
  outlayed_amount_from_IIJA_supplemental: fixed('iija_award.outlays'),
  obligated_amount_from_IIJA_supplemental: fixed('iija_award.obligations'),
  subaward_primary_place_of_performance_address_line_1: fixed('subaward_search.sub_place_of_perform_street'),
  usaspending_permalink: publicPermalink,
};

const profileSubaward = (group: 'procurement' | 'grant', isFpds: boolean) => () =>
  `latest_transaction.is_fpds = ${isFpds} AND subaward_search.prime_award_group = '${group}' AND subaward_search.sub_action_date >= DATE '2020-04-01'`;

/** The profile's File B: inner joins to the account, program activity and object class (else no row). */
const PROFILE_FILE_B_CONDITION =
  'federal_account.id IS NOT NULL AND ref_program_activity.id IS NOT NULL AND object_class.id IS NOT NULL';

export function variantDefinitions(profileHeaders: Readonly<Record<string, string[]>>): VariantDefinition[] {
  const headersOf = (key: string): string[] => {
    const headers = profileHeaders[key];
    if (!headers) throw new Error(`data/covid-profile-headers.json has no list ${key}`);
    return headers;
  };
  return [
    {
      key: 'idv_orders.d1',
      base: 'award.d1',
      overrides: { object_classes_funding_this_award: fixed(fabaAwardColumn('object_classes_unguarded')) },
      withFabaAward: true,
    },
    {
      key: 'idv_transaction_history.d1',
      base: 'transaction.d1',
      overrides: AWARD_PAGE_TRANSACTION_OVERRIDES,
      withFabaAward: true,
    },
    {
      key: 'assistance_transaction_history.d2',
      base: 'transaction.d2',
      overrides: AWARD_PAGE_TRANSACTION_OVERRIDES,
      withFabaAward: true,
    },
    {
      key: 'disaster_recipient.recipient',
      base: 'disaster_recipient.recipient',
      overrides: Object.fromEntries(
        Object.entries(RECIPIENT_COLUMNS).map(([header, column]) => [header, fixed(column.sql)]),
      ),
      aggregations: Object.fromEntries(
        Object.entries(RECIPIENT_COLUMNS).map(([header, column]) => [header, column.aggregation]),
      ),
      groupBy: RECIPIENT_GROUP_BY,
    },
    {
      key: 'covid_profile_award.d1',
      base: 'award.d1',
      headers: headersOf('covid_profile_award.d1'),
      overrides: PROFILE_AWARD_OVERRIDES,
      fromClause: (base) => `${base.fromClause}\n${profileJoins('award_search.award_id')}`,
      // Both the latest and the earliest transaction must be FPDS actions.
      rowCondition: (condition) =>
        `${condition} AND latest_transaction.is_fpds = true AND earliest_transaction.is_fpds = true`,
      withFabaAward: true,
    },
    {
      key: 'covid_profile_award.d2',
      base: 'award.d2',
      headers: headersOf('covid_profile_award.d2'),
      overrides: PROFILE_AWARD_OVERRIDES,
      fromClause: (base) => `${base.fromClause}\n${profileJoins('award_search.award_id')}`,
      rowCondition: (condition) => `${condition} AND latest_transaction.is_fpds = false`,
      withFabaAward: true,
    },
    {
      key: 'covid_profile_sub_award.d1',
      base: 'sub_award.d1',
      headers: headersOf('covid_profile_sub_award.d1'),
      renames: {
        outlayed_amount_from_IIJA_supplemental: 'prime_award_outlayed_amount_from_IIJA_supplemental',
        obligated_amount_from_IIJA_supplemental: 'prime_award_obligated_amount_from_IIJA_supplemental',
      },
      overrides: PROFILE_SUBAWARD_OVERRIDES,
      fromClause: (base) => `${base.fromClause}\n${profileJoins('subaward_search.award_id')}`,
      rowCondition: profileSubaward('procurement', true),
      withFabaAward: true,
    },
    {
      key: 'covid_profile_sub_award.d2',
      base: 'sub_award.d2',
      headers: headersOf('covid_profile_sub_award.d2'),
      renames: {
        outlayed_amount_from_IIJA_supplemental: 'prime_award_outlayed_amount_from_IIJA_supplemental',
        obligated_amount_from_IIJA_supplemental: 'prime_award_obligated_amount_from_IIJA_supplemental',
      },
      overrides: PROFILE_SUBAWARD_OVERRIDES,
      fromClause: (base) => `${base.fromClause}\n${profileJoins('subaward_search.award_id')}`,
      rowCondition: profileSubaward('grant', false),
      withFabaAward: true,
    },
    {
      key: 'covid_profile_object_class_program_activity.treasury_account',
      base: 'object_class_program_activity.treasury_account',
      // The profile's File B has every column of the list but the program activity reporting key.
      drop: ['program_activity_reporting_key'],
      rowCondition: () => PROFILE_FILE_B_CONDITION,
    },
  ];
}
