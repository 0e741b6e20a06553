import { SourceKey } from '../catalog/catalog.types';
import { AWARD_TYPE_CODES } from '../download-request/award-types/award-type-codes.constants';
import { LatestMonthlyPeriod } from './request/disaster-request.types';
import { literal, literalList, textArray } from '../filters/sql-literal.util';

/** One data file of a COVID-19 download: its name before the timestamp, list, rows and DEFC restriction. */
export interface DisasterFile {
  readonly label: string;
  readonly catalogKey: SourceKey;
  readonly where: readonly string[];
  /** Restricts the award-side DEFC columns (codes, amounts) to these codes; the profile's compute their own. */
  readonly defCodes?: readonly string[];
}

/** `FY<yyyy>P<mm>-Present`: the account files cover every fiscal year up to the latest revealed month. */
export const accountPeriodPrefix = (latest: LatestMonthlyPeriod): string =>
  `FY${latest.fiscalYear}P${String(latest.period).padStart(2, '0')}-Present`;

/** GTAS rows of the latest revealed monthly period of each fiscal year (balances are year-to-date). */
const LATEST_PERIOD_OF_EACH_YEAR =
  '(gtas_sf133_balances.fiscal_year, gtas_sf133_balances.fiscal_period) IN (SELECT submission_fiscal_year, MAX(submission_fiscal_month) FROM dabs_submission_window_schedule WHERE NOT is_quarter AND submission_reveal_date <= now() GROUP BY submission_fiscal_year)';
const FINAL_SUBMISSIONS = 'submission_attributes.is_final_balances_for_fy';
const COVID_GROUP = "(SELECT code FROM disaster_emergency_fund_code WHERE group_name = 'covid_19')";
const ALL_TYPES = literalList(AWARD_TYPE_CODES);

/**
 * The six data files of a generated (one DEFC) COVID-19 profile download, in zip order. Awards: those whose
 * File C DEFCs include the code and that have COVID-19 outlays or obligations. Subawards: those of awards with
 * the code, acted on since the law's enactment. Account files: GTAS balances and final File B rows of the code.
 * The subaward files carry `All_` and the award files no prefix, as in the reference.
 */
export function generatedDisasterFiles(defCode: string, latest: LatestMonthlyPeriod): DisasterFile[] {
  const code = [defCode];
  const awards = [
    `award_search.disaster_emergency_fund_codes && ${textArray(code)}`,
    '(award_search.total_covid_outlay <> 0 OR award_search.total_covid_obligation <> 0)',
    `award_search.type IN (${ALL_TYPES})`,
  ];
  const subawards = [
    `award_search.disaster_emergency_fund_codes && ${textArray(code)}`,
    `subaward_search.sub_action_date >= (SELECT earliest_public_law_enactment_date FROM disaster_emergency_fund_code WHERE code = ${literal(defCode)})`,
    `subaward_search.prime_award_type IN (${ALL_TYPES})`,
  ];
  const period = accountPeriodPrefix(latest);
  return [
    { label: 'Contracts_PrimeAwardSummaries', catalogKey: 'award.d1', where: awards, defCodes: code },
    { label: 'Assistance_PrimeAwardSummaries', catalogKey: 'award.d2', where: awards, defCodes: code },
    { label: 'All_Contracts_Subawards', catalogKey: 'sub_award.d1', where: subawards, defCodes: code },
    { label: 'All_Assistance_Subawards', catalogKey: 'sub_award.d2', where: subawards, defCodes: code },
    {
      label: `${period}_All_TAS_AccountBalances`,
      catalogKey: 'gtas_balances.treasury_account',
      where: [
        `gtas_sf133_balances.disaster_emergency_fund_code = ${literal(defCode)}`,
        LATEST_PERIOD_OF_EACH_YEAR,
      ],
    },
    {
      label: `${period}_All_TAS_AccountBreakdownByPA-OC`,
      catalogKey: 'object_class_program_activity.treasury_account',
      where: [
        `financial_accounts_by_program_activity_object_class.disaster_emergency_fund_code = ${literal(defCode)}`,
        FINAL_SUBMISSIONS,
      ],
    },
  ];
}

/**
 * The pre-generated profile (every COVID-19 DEFC), in zip order: account balances and File B first, then the
 * profile's award and subaward files (their lists carry the COVID-19 selection themselves).
 */
export function covidProfileFiles(latest: LatestMonthlyPeriod): DisasterFile[] {
  const period = accountPeriodPrefix(latest);
  return [
    {
      label: `${period}_All_TAS_AccountBalances`,
      catalogKey: 'gtas_balances.treasury_account',
      where: [
        `gtas_sf133_balances.disaster_emergency_fund_code IN ${COVID_GROUP}`,
        LATEST_PERIOD_OF_EACH_YEAR,
      ],
    },
    {
      label: `${period}_All_TAS_AccountBreakdownByPA-OC`,
      catalogKey: 'covid_profile_object_class_program_activity.treasury_account',
      where: [
        `financial_accounts_by_program_activity_object_class.disaster_emergency_fund_code IN ${COVID_GROUP}`,
        FINAL_SUBMISSIONS,
      ],
    },
    { label: 'Contracts_PrimeAwardSummaries', catalogKey: 'covid_profile_award.d1', where: [] },
    { label: 'Assistance_PrimeAwardSummaries', catalogKey: 'covid_profile_award.d2', where: [] },
    { label: 'Contracts_Subawards', catalogKey: 'covid_profile_sub_award.d1', where: [] },
    { label: 'Assistance_Subawards', catalogKey: 'covid_profile_sub_award.d2', where: [] },
  ];
}

/** The lists a generated download's `columns` may name (a name in none of them is refused). */
export const GENERATED_DISASTER_KEYS: readonly SourceKey[] = [
  'award.d1',
  'award.d2',
  'sub_award.d1',
  'sub_award.d2',
  'gtas_balances.treasury_account',
  'object_class_program_activity.treasury_account',
];
