import { AwardModel, fiscalPeriodOf, fiscalYearOf, TransactionModel } from './award-model';
import { centsToDecimal } from './prng.util';
import { TasRef } from './seed-context';
import { SubmissionIndex, SubmissionModel, submissionFor } from './submission-model';
import { csvJoin } from './shared-fragments';

/** File C (financial_accounts_by_awards): one row per reported transaction, plus a few unlinked rows. */
export const FILE_C_COLUMNS = [
  'financial_accounts_by_awards_id',
  'submission_id',
  'treasury_account_id',
  'program_activity_id',
  'object_class_id',
  'program_activity_reporting_key',
  'disaster_emergency_fund_code',
  'award_id',
  'distinct_award_key',
  'piid',
  'parent_award_id',
  'fain',
  'uri',
  'transaction_obligated_amount',
  'gross_outlay_amount_by_award_cpe',
  'ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe',
  'ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe',
  'data_source',
];

export const PARK_CODES = Array.from({ length: 20 }, (_, i) => `P${String(i + 1).padStart(3, '0')}`);
const PARK_FROM_YEAR = 2025;
const COVID_FROM_DAY = Date.UTC(2020, 3, 1) / 86_400_000;

export interface FileCEntry {
  readonly transaction: TransactionModel;
  readonly submission: SubmissionModel;
  readonly outlayCents: number;
  readonly defc: string | null;
}

/** Which transactions of an award its funding agency reported, and in which submission. */
export function fileCEntries(award: AwardModel, submissions: SubmissionIndex): FileCEntry[] {
  if (!award.inFileC) return [];
  const entries: FileCEntry[] = [];
  for (const transaction of award.transactions) {
    const fy = fiscalYearOf(transaction.actionDay);
    const submission = submissionFor(
      submissions,
      award.funding.agency,
      fy,
      fiscalPeriodOf(transaction.actionDay),
    );
    if (!submission) continue;
    const covid = award.defc && transaction.actionDay >= COVID_FROM_DAY ? award.defc : null;
    entries.push({
      transaction,
      submission,
      // Outlays trail obligations: 60% of what was obligated, nothing on a deobligation.
      outlayCents: transaction.obligationCents > 0 ? Math.round(transaction.obligationCents * 0.6) : 0,
      defc: covid ?? (fy >= 2020 && transaction.id % 5 === 0 ? 'Q' : null),
    });
  }
  return entries;
}

/** What award_search keeps of an award's File C rows (the reference derives these columns the same way). */
export interface AwardFileCSummary {
  /** total_outlays: the sum of its File C outlays, NULL if unreported. */
  readonly outlayCents: number | null;
  /** disaster_emergency_fund_codes: the distinct DEFCs of its rows, sorted; NULL when none. */
  readonly defcs: readonly string[] | null;
  /** total_covid_* / total_iija_*: obligations of every row, outlays of final-of-year rows, per DEFC group. */
  readonly covid: { readonly outlayCents: number; readonly obligationCents: number } | null;
  readonly iija: { readonly outlayCents: number; readonly obligationCents: number } | null;
}

export function awardFileCSummary(
  entries: readonly FileCEntry[],
  groups: { readonly covid: readonly string[]; readonly iija: readonly string[] },
): AwardFileCSummary {
  const group = (codes: readonly string[]) => {
    const rows = entries.filter((entry) => entry.defc !== null && codes.includes(entry.defc));
    if (rows.length === 0) return null;
    return {
      outlayCents: rows.reduce((sum, entry) => sum + (entry.submission.isFinal ? entry.outlayCents : 0), 0),
      obligationCents: rows.reduce((sum, entry) => sum + entry.transaction.obligationCents, 0),
    };
  };
  const defcs = [...new Set(entries.flatMap((entry) => (entry.defc ? [entry.defc] : [])))].sort();
  return {
    outlayCents: entries.length ? entries.reduce((total, entry) => total + entry.outlayCents, 0) : null,
    defcs: defcs.length ? defcs : null,
    covid: group(groups.covid),
    iija: group(groups.iija),
  };
}

/** Running File C totals per TAS and submission, which File A and B balances must cover. */
export interface FileCTotals {
  readonly obligations: Map<string, number>;
  readonly tasByAgencyYear: Map<string, Map<number, TasRef>>;
  readonly defcByTasYear: Map<string, string>;
}

export const newFileCTotals = (): FileCTotals => ({
  obligations: new Map(),
  tasByAgencyYear: new Map(),
  defcByTasYear: new Map(),
});
export const totalsKey = (tasId: number, submissionId: number): string => `${tasId}:${submissionId}`;

function record(totals: FileCTotals, award: AwardModel, entry: FileCEntry, cents: number): void {
  const key = totalsKey(award.tas.id, entry.submission.id);
  totals.obligations.set(key, (totals.obligations.get(key) ?? 0) + cents);
  const agencyYear = `${entry.submission.agency.code}:${entry.submission.fiscalYear}`;
  const tasSet = totals.tasByAgencyYear.get(agencyYear) ?? new Map<number, TasRef>();
  tasSet.set(award.tas.id, award.tas);
  totals.tasByAgencyYear.set(agencyYear, tasSet);
  if (entry.defc && entry.defc !== 'Q')
    totals.defcByTasYear.set(`${award.tas.id}:${entry.submission.fiscalYear}`, entry.defc);
}

/** The award's File C records; `nextId` numbers rows across the whole pass. */
export function fileCRows(
  award: AwardModel,
  entries: readonly FileCEntry[],
  nextId: () => number,
  totals: FileCTotals,
): string {
  let out = '';
  for (const entry of entries) {
    const { transaction, submission } = entry;
    const park =
      submission.fiscalYear >= PARK_FROM_YEAR ? PARK_CODES[transaction.id % PARK_CODES.length] : null;
    const refund = transaction.obligationCents < 0 ? Math.round(transaction.obligationCents * 0.1) : 0;
    out += `${csvJoin([
      nextId(),
      submission.id,
      award.tas.id,
      award.programActivityId,
      award.objectClassId,
      park,
      entry.defc,
      award.id,
      award.uniqueKey,
      award.piid,
      award.parentPiid,
      award.fain,
      award.uri,
      centsToDecimal(transaction.obligationCents),
      centsToDecimal(entry.outlayCents),
      centsToDecimal(refund),
      centsToDecimal(0),
      'DATA Act',
    ])}\n`;
    record(totals, award, entry, transaction.obligationCents);
    // About one row in twenty has no matching award (bad keys in agency data): the "Unlinked" file.
    if (transaction.id % 20 === 7) {
      const unlinkedCents = Math.round(Math.abs(transaction.obligationCents) / 3);
      out += `${csvJoin([
        nextId(),
        submission.id,
        award.tas.id,
        award.programActivityId,
        award.objectClassId,
        park,
        null,
        null,
        `UNLINKED_${transaction.id}`,
        award.piid ? `X${award.piid}` : null,
        null,
        award.fain ? `X${award.fain}` : null,
        null,
        centsToDecimal(unlinkedCents),
        centsToDecimal(0),
        centsToDecimal(0),
        centsToDecimal(0),
        'DATA Act',
      ])}\n`;
      record(totals, award, { ...entry, defc: null }, unlinkedCents);
    }
  }
  return out;
}
