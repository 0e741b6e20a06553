import { FileCTotals, PARK_CODES, totalsKey } from './file-c-rows';
import { centsToDecimal, hashSeed, Random } from './prng.util';
import { SeedContext, TasRef } from './seed-context';
import { SubmissionModel } from './submission-model';
import { csvJoin } from './shared-fragments';

/**
 * Files A and B. For each submission, every TAS its agency reported File C rows on (plus two more)
 * gets a File A balance whose year-to-date obligations are that TAS's File C obligations so far plus
 * non-award spending, so File C always fits inside File A; File B splits the File A amounts exactly
 * across program activity × object class (× DEFC) rows.
 */
export const FILE_A_COLUMNS = [
  'appropriation_account_balances_id',
  'treasury_account_identifier',
  'submission_id',
  'data_source',
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

const B_AMOUNTS = [
  'obligations_incurred_by_program_object_class_cpe',
  'gross_outlay_amount_by_program_object_class_cpe',
  'gross_outlays_delivered_orders_paid_total_cpe',
  'obligations_undelivered_orders_unpaid_total_cpe',
  'ussgl480100_undelivered_orders_obligations_unpaid_cpe',
  'ussgl490200_delivered_orders_obligations_paid_cpe',
  'obligations_delivered_orders_unpaid_total_fyb',
  'gross_outlays_undelivered_orders_prepaid_total_fyb',
];
const B_ZERO_AMOUNTS = [
  'obligations_undelivered_orders_unpaid_total_fyb',
  'obligations_delivered_orders_unpaid_total_cpe',
  'gross_outlays_undelivered_orders_prepaid_total_cpe',
  'gross_outlays_delivered_orders_paid_total_fyb',
  'gross_outlay_amount_by_program_object_class_fyb',
  'ussgl487100_down_adj_pri_unpaid_undel_orders_oblig_recov_cpe',
  'ussgl497100_down_adj_pri_unpaid_deliv_orders_oblig_recov_cpe',
  'ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe',
  'ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe',
  'deobligations_recoveries_refund_pri_program_object_class_cpe',
  'ussgl480100_undelivered_orders_obligations_unpaid_fyb',
  'ussgl480200_undelivered_orders_oblig_prepaid_advanced_fyb',
  'ussgl480200_undelivered_orders_oblig_prepaid_advanced_cpe',
  'ussgl483100_undelivered_orders_oblig_transferred_unpaid_cpe',
  'ussgl483200_undeliv_orders_oblig_transferred_prepaid_adv_cpe',
  'ussgl488100_upward_adjust_pri_undeliv_order_oblig_unpaid_cpe',
  'ussgl488200_up_adjust_pri_undeliv_order_oblig_ppaid_adv_cpe',
  'ussgl490100_delivered_orders_obligations_unpaid_fyb',
  'ussgl490100_delivered_orders_obligations_unpaid_cpe',
  'ussgl490800_authority_outlayed_not_yet_disbursed_fyb',
  'ussgl490800_authority_outlayed_not_yet_disbursed_cpe',
  'ussgl493100_delivered_orders_oblig_transferred_unpaid_cpe',
  'ussgl498100_upward_adjust_pri_deliv_orders_oblig_unpaid_cpe',
  'ussgl498200_upward_adjust_pri_deliv_orders_oblig_paid_cpe',
];
export const FILE_B_COLUMNS = [
  'financial_accounts_by_program_activity_object_class_id',
  'submission_id',
  'treasury_account_id',
  'program_activity_id',
  'object_class_id',
  'program_activity_reporting_key',
  'disaster_emergency_fund_code',
  'data_source',
  ...B_AMOUNTS,
  ...B_ZERO_AMOUNTS,
];
const ZEROS = B_ZERO_AMOUNTS.map(() => '0.00').join(',');

/**
 * GTAS SF-133 balances (the COVID-19 download's account balances): per File A balance, the same amounts
 * as reported to Treasury, split into the TAS's disaster (DEFC) share and the rest.
 */
export const GTAS_COLUMNS = [
  'id',
  'fiscal_year',
  'fiscal_period',
  'treasury_account_identifier',
  'disaster_emergency_fund_code',
  'tas_rendering_label',
  'budget_authority_unobligated_balance_brought_forward_cpe',
  'budget_authority_appropriation_amount_cpe',
  'total_budgetary_resources_cpe',
  'gross_outlay_amount_by_tas_cpe',
  'unobligated_balance_cpe',
  'status_of_budgetary_resources_total_cpe',
  'obligations_incurred_total_cpe',
  'adjustments_to_unobligated_balance_brought_forward_cpe',
  'adjustments_to_unobligated_balance_brought_forward_fyb',
  'anticipated_prior_year_obligation_recoveries',
  'borrowing_authority_amount',
  'contract_authority_amount',
  'deobligations_or_recoveries_or_refunds_from_prior_year_cpe',
  'other_budgetary_resources_amount_cpe',
  'prior_year_paid_obligation_recoveries',
  'spending_authority_from_offsetting_collections_amount',
];
const GTAS_ZEROS = GTAS_COLUMNS.slice(13)
  .map(() => '0.00')
  .join(',');
/** Share of a balance that a TAS with a DEFC for the year reports under that DEFC. */
const DEFC_SHARE = 0.3;

/** Splits `total` into parts proportional to `weights`; the last part takes the rounding remainder. */
export function splitCents(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((weight) => Math.trunc((total * weight) / sum));
  parts[parts.length - 1] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export interface AccountRowsOutput {
  fileA: string;
  fileB: string;
  gtas: string;
}

/** Files A and B of one agency-year's submissions (in period order, for the year-to-date sums). */
export function accountRows(
  seed: number,
  context: SeedContext,
  submissions: readonly SubmissionModel[],
  totals: FileCTotals,
  ids: { a: number; b: number; g: number },
): AccountRowsOutput {
  const first = submissions[0];
  const reported =
    totals.tasByAgencyYear.get(`${first.agency.code}:${first.fiscalYear}`) ?? new Map<number, TasRef>();
  const accounts = [...reported.values(), ...first.agency.tas.slice(0, 2)].filter(
    (tas, index, all) => all.findIndex((other) => other.id === tas.id) === index,
  );
  const output: AccountRowsOutput = { fileA: '', fileB: '', gtas: '' };
  for (const tas of accounts) {
    let yearToDate = 0;
    for (const submission of submissions) {
      const random = new Random(hashSeed(seed, 0xab, tas.id, submission.id));
      yearToDate +=
        (totals.obligations.get(totalsKey(tas.id, submission.id)) ?? 0) + random.cents(1_000, 2_000_000);
      const outlays = Math.round(yearToDate * 0.75);
      const broughtForward = Math.round(Math.abs(yearToDate) * 0.1);
      const appropriated = Math.abs(yearToDate) + Math.round(Math.abs(yearToDate) * 0.15);
      const resources = broughtForward + appropriated;
      output.fileA += `${csvJoin([
        ids.a++,
        tas.id,
        submission.id,
        'DATA Act',
        ...[
          broughtForward,
          0,
          appropriated,
          0,
          0,
          0,
          0,
          resources,
          outlays,
          0,
          resources - yearToDate,
          resources,
          yearToDate,
        ].map(centsToDecimal),
      ])}\n`;
      const defc = totals.defcByTasYear.get(`${tas.id}:${submission.fiscalYear}`);
      const balances = [broughtForward, appropriated, resources, outlays, resources - yearToDate, resources];
      const shares = defc ? [DEFC_SHARE, 1 - DEFC_SHARE] : [1];
      shares.forEach((share, index) => {
        const part = (cents: number) => centsToDecimal(Math.round(cents * share));
        output.gtas += `${csvJoin([
          ids.g++,
          submission.fiscalYear,
          submission.period,
          tas.id,
          index === 0 && defc ? defc : null,
          tas.label,
          ...balances.map(part),
          part(yearToDate),
        ])},${GTAS_ZEROS}\n`;
      });
      const weights = Array.from({ length: 1 + ((tas.id + submission.id) % 3) }, () => random.int(1, 10));
      const obligations = splitCents(yearToDate, weights);
      const outlayParts = splitCents(outlays, weights);
      const programActivities =
        context.programActivities.get(`${tas.aid}-${tas.mainAccountCode}`) ??
        context.programActivities.get('*') ??
        [];
      obligations.forEach((cents, index) => {
        const park = submission.fiscalYear >= 2025 ? random.pick(PARK_CODES) : null;
        const rowDefc =
          submission.fiscalYear < 2020 ? null : index === 1 && defc ? defc : index === 0 ? 'Q' : null;
        const amounts = [
          cents,
          outlayParts[index],
          outlayParts[index],
          cents - outlayParts[index],
          cents - outlayParts[index],
          outlayParts[index],
          Math.round(cents * 0.05),
          Math.round(cents * 0.02),
        ].map(centsToDecimal);
        output.fileB += `${csvJoin([
          ids.b++,
          submission.id,
          tas.id,
          programActivities.length ? random.pick(programActivities) : null,
          random.pick(context.objectClassIds),
          park,
          rowDefc,
          'DATA Act',
          ...amounts,
        ])},${ZEROS}\n`;
      });
    }
  }
  return output;
}
