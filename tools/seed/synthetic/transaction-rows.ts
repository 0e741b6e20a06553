import { centsToDecimal } from './prng.util';
import { AwardModel, fiscalYearOf, isoDay, LAST_DAY } from './award-model';
import { ContractProfiles } from './contract-profiles';
import {
  AGENCY_COLUMNS,
  agencyFragment,
  csvJoin,
  POP_COLUMNS,
  popFragment,
  RECIPIENT_COLUMNS,
  recipientFragment,
} from './shared-fragments';

/** transaction_search columns this module fills per row (the rest come from shared fragments or profiles). */
export const TRANSACTION_ROW_COLUMNS = [
  'transaction_id',
  'award_id',
  'is_fpds',
  'generated_unique_award_id',
  'action_date',
  'fiscal_year',
  'update_date',
  'last_modified_date',
  'initial_report_date',
  'modification_number',
  'federal_action_obligation',
  'transaction_description',
  'action_type',
  'action_type_description',
  'period_of_performance_start_date',
  'period_of_performance_current_end_date',
  'type',
  'type_description',
  'officer_1_name',
  'officer_1_amount',
  'officer_2_name',
  'officer_2_amount',
  'officer_3_name',
  'officer_3_amount',
  'officer_4_name',
  'officer_4_amount',
  'officer_5_name',
  'officer_5_amount',
  // FPDS (NULL on assistance rows)
  'piid',
  'parent_award_id',
  'detached_award_proc_unique',
  'transaction_number',
  'contract_award_type',
  'contract_award_type_desc',
  'idv_type',
  'idv_type_description',
  'pulled_from',
  'total_obligated_amount',
  'base_and_all_options_value',
  'base_exercised_options_val',
  'current_total_value_award',
  'potential_total_value_awar',
  'period_of_perf_potential_e',
  'solicitation_date',
  'ordering_period_end_date',
  'naics_code',
  'naics_description',
  'product_or_service_code',
  'product_or_service_description',
  'referenced_idv_agency_iden',
  'referenced_idv_agency_desc',
  'vendor_fax_number',
  // FABS (NULL on contract rows)
  'fain',
  'uri',
  'afa_generated_unique',
  'non_federal_funding_amount',
  'face_value_loan_guarantee',
  'original_loan_subsidy_cost',
  'generated_pragmatic_obligation',
  'indirect_federal_sharing',
  'cfda_number',
  'cfda_title',
  'record_type',
  'record_type_description',
  'funding_opportunity_number',
  'funding_opportunity_goals',
  'business_funds_indicator',
  'business_funds_ind_desc',
  'sai_number',
];

export const TRANSACTION_SHARED_COLUMNS = [...AGENCY_COLUMNS, ...RECIPIENT_COLUMNS, ...POP_COLUMNS];

const IDV_LETTER: Readonly<Record<string, string>> = {
  IDV_A: 'A',
  IDV_B: 'B',
  IDV_B_A: 'B',
  IDV_B_B: 'B',
  IDV_B_C: 'B',
  IDV_C: 'C',
  IDV_D: 'D',
  IDV_E: 'E',
};
const ACTION_TYPES = [
  ['A', 'NEW'],
  ['B', 'CONTINUATION'],
  ['C', 'REVISION'],
  ['D', 'ADJUSTMENT TO COMPLETED PROJECT'],
] as const;

const FPDS_COUNT = TRANSACTION_ROW_COLUMNS.indexOf('fain') - TRANSACTION_ROW_COLUMNS.indexOf('piid');
const NO_FPDS: readonly null[] = Array<null>(FPDS_COUNT).fill(null);
const NO_FABS: readonly null[] = Array<null>(
  TRANSACTION_ROW_COLUMNS.length - TRANSACTION_ROW_COLUMNS.indexOf('fain'),
).fill(null);

/** A recipient's fax number, next to its phone number (202-555-dddd) in the shared recipient fragment. */
export const faxNumber = (duns: string): string => `202-555-${duns.slice(4, 8)}`;

export function transactionColumns(profiles: ContractProfiles): string[] {
  return [...TRANSACTION_ROW_COLUMNS, ...TRANSACTION_SHARED_COLUMNS, ...profiles.columns];
}

/** Every transaction row of one award, as COPY CSV text (column order: transactionColumns()). */
export function transactionRows(award: AwardModel, profiles: ContractProfiles): string {
  const { type, transactions, recipient } = award;
  const shared = `${agencyFragment(award)},${recipientFragment(recipient)},${popFragment(award.pop)}`;
  const isIdv = type.category === 'idv';
  const profile = type.isFpds
    ? profiles.profiles[award.profileIndex].fragments[isIdv ? 'idv' : award.parentPiid ? 'order' : 'award']
    : profiles.emptyFragment;
  const officers = recipient.officers.flatMap(([name, cents]) => [name, centsToDecimal(cents)]);
  const isAggregate = award.uri !== null;
  const endDay = Math.min(LAST_DAY + 365, transactions[transactions.length - 1].actionDay + 365);
  let cumulative = 0;
  let out = '';
  for (let index = 0; index < transactions.length; index++) {
    const t = transactions[index];
    cumulative += t.obligationCents;
    const action = ACTION_TYPES[index === 0 ? 0 : 1 + (index % 3)];
    const date = isoDay(t.actionDay);
    const stamp = `${date} 12:00:00+00`;
    const common = [
      t.id,
      award.id,
      type.isFpds,
      award.uniqueKey,
      date,
      fiscalYearOf(t.actionDay),
      stamp,
      stamp,
      stamp,
      t.modification,
      centsToDecimal(t.obligationCents),
      t.description,
      action[0],
      action[1],
      isoDay(transactions[0].actionDay),
      isoDay(endDay),
      type.code,
      type.description,
      ...(officers.length ? officers : [null, null, null, null, null, null, null, null, null, null]),
    ];
    const fpds = type.isFpds
      ? [
          award.piid,
          award.parentPiid,
          `${award.awarding.subtier.code}_${award.piid}_${t.modification}_${award.id}`,
          '0',
          isIdv ? null : type.code,
          isIdv ? null : type.description,
          isIdv ? IDV_LETTER[type.code] : null,
          isIdv ? type.description : null,
          isIdv ? 'IDV' : 'award',
          centsToDecimal(cumulative),
          centsToDecimal(Math.abs(cumulative) * 2),
          centsToDecimal(Math.abs(cumulative)),
          centsToDecimal(Math.abs(cumulative)),
          centsToDecimal(Math.abs(cumulative) * 2),
          `${isoDay(endDay + 365)} 00:00:00`,
          isoDay(transactions[0].actionDay - 30),
          isIdv ? `${isoDay(endDay + 730)} 00:00:00` : null,
          award.naics.code,
          award.naics.description,
          award.psc.code,
          award.psc.description,
          // The parent IDV's awarding sub-tier agency (the last part of the award's unique key).
          award.parentAgency?.code ?? null,
          award.parentAgency?.name.toUpperCase() ?? null,
          faxNumber(recipient.duns),
        ]
      : NO_FPDS;
    const fabs = type.isFpds
      ? NO_FABS
      : [
          award.fain,
          award.uri,
          `${award.uniqueKey}_${t.modification}`,
          centsToDecimal(t.nonFederalCents),
          centsToDecimal(t.faceValueCents),
          centsToDecimal(t.subsidyCents),
          centsToDecimal(type.category === 'loans' ? t.subsidyCents : t.obligationCents),
          centsToDecimal(0),
          award.cfda.number,
          award.cfda.title,
          isAggregate ? 1 : 2,
          isAggregate ? 'Aggregate Record' : 'Non-Aggregate Record',
          `${award.awarding.agency.abbreviation}-${fiscalYearOf(t.actionDay)}-${award.id % 1000}`,
          null,
          'NON',
          'Not Recovery Act',
          null,
        ];
    out += `${csvJoin(common)},${csvJoin(fpds)},${csvJoin(fabs)},${shared},${profile}\n`;
  }
  return out;
}
