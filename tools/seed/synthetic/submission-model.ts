import { ClientBase } from 'pg';
import { copyRecord } from '../../../src/database/copy/csv-format.util';
import { upsertViaCopy } from '../../../src/database/copy/copy-in.util';
import { AgencyRef, WindowRef } from './seed-context';

export interface SubmissionModel {
  readonly id: number;
  readonly agency: AgencyRef;
  readonly window: WindowRef;
  readonly fiscalYear: number;
  /** Last fiscal period (month) the submission covers. */
  readonly period: number;
  readonly isFinal: boolean;
}

/** Submissions per agency and fiscal year, ordered by period. */
export type SubmissionIndex = ReadonlyMap<string, readonly SubmissionModel[]>;

export const FIRST_SUBMISSION_YEAR = 2017;
export const LAST_SUBMISSION_YEAR = 2026;

/**
 * The reference data ends with FY2021; later windows follow its pattern (periods 1–2 together, then one
 * per month, plus the four quarters), revealed 45 days after the period. Upserted, so reruns are no-ops.
 */
export async function ensureSyntheticWindows(client: ClientBase): Promise<void> {
  const rows: (string | number | boolean)[][] = [];
  for (let fy = 2022; fy <= LAST_SUBMISSION_YEAR; fy++) {
    for (const isQuarter of [false, true]) {
      for (let month = isQuarter ? 3 : 2; month <= 12; month += isQuarter ? 3 : 1) {
        const first = isQuarter ? month - 2 : month === 2 ? 1 : month;
        const start = new Date(Date.UTC(fy - 1, 9 + first - 1, 1));
        const end = new Date(Date.UTC(fy - 1, 9 + month, 0));
        const due = new Date(end.getTime() + 45 * 86_400_000);
        const iso = (date: Date): string => `${date.toISOString().slice(0, 10)} 00:00:00Z`;
        const id = fy * 1000 + month * 10 + (isQuarter ? 1 : 0);
        rows.push([
          id,
          iso(start),
          iso(end),
          iso(due),
          iso(due),
          iso(due),
          iso(due),
          fy,
          Math.ceil(month / 3),
          month,
          isQuarter,
        ]);
      }
    }
  }
  const columns = [
    'id',
    'period_start_date',
    'period_end_date',
    'submission_start_date',
    'submission_due_date',
    'certification_due_date',
    'submission_reveal_date',
    'submission_fiscal_year',
    'submission_fiscal_quarter',
    'submission_fiscal_month',
    'is_quarter',
  ];
  await upsertViaCopy(
    client,
    'dabs_submission_window_schedule',
    ['id'],
    columns,
    rows.map((row) => copyRecord(row)),
  );
}

/**
 * One submission per agency per window it reports in: every third agency switches to monthly
 * reporting from FY2020 (as the large agencies did), the others stay quarterly.
 */
export function buildSubmissions(
  agencies: readonly AgencyRef[],
  windows: readonly WindowRef[],
): SubmissionModel[] {
  const submissions: SubmissionModel[] = [];
  agencies.forEach((agency, agencyIndex) => {
    for (let fy = FIRST_SUBMISSION_YEAR; fy <= LAST_SUBMISSION_YEAR; fy++) {
      const monthly = agencyIndex % 3 === 0 && fy >= 2020;
      const ofYear = windows.filter((w) => w.fiscalYear === fy).sort((a, b) => a.month - b.month);
      const monthlyWindows = ofYear.filter((w) => !w.isQuarter);
      const firstMonthly = Math.min(...monthlyWindows.map((w) => w.month));
      // FY2020 monthly reporters filed Q1 and Q2 quarterly, then monthly from P7.
      const chosen =
        monthly && monthlyWindows.length
          ? ofYear.filter((w) => !w.isQuarter || w.month < firstMonthly)
          : ofYear.filter((w) => w.isQuarter);
      for (const window of chosen) {
        submissions.push({
          id: submissions.length + 1,
          agency,
          window,
          fiscalYear: fy,
          period: window.month,
          isFinal: window.month === 12,
        });
      }
    }
  });
  return submissions;
}

export function indexSubmissions(submissions: readonly SubmissionModel[]): SubmissionIndex {
  const index = new Map<string, SubmissionModel[]>();
  for (const submission of submissions) {
    const key = `${submission.agency.code}:${submission.fiscalYear}`;
    index.set(key, [...(index.get(key) ?? []), submission]);
  }
  return index;
}

/** The agency's submission that reports a given period: the first one ending at or after it. */
export function submissionFor(index: SubmissionIndex, agency: AgencyRef, fiscalYear: number, period: number) {
  return index.get(`${agency.code}:${fiscalYear}`)?.find((submission) => submission.period >= period);
}

/** First and last day (`YYYY-MM-DD`) of fiscal period `period` of `fiscalYear` (period 1 = October). */
function periodBounds(fiscalYear: number, firstPeriod: number, lastPeriod: number): [string, string] {
  const start = new Date(Date.UTC(fiscalYear - 1, 9 + firstPeriod - 1, 1));
  const end = new Date(Date.UTC(fiscalYear - 1, 9 + lastPeriod, 0));
  return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
}

/**
 * The submission's row. Its reporting period is the window's: a quarter, one month, or periods 1–2
 * together (the first monthly window of a year covers both), as agencies report them.
 */
export function submissionRecord(submission: SubmissionModel): string {
  const { window, agency } = submission;
  const firstPeriod = window.isQuarter ? window.month - 2 : window.month === 2 ? 1 : window.month;
  const [start, end] = periodBounds(submission.fiscalYear, firstPeriod, window.month);
  return copyRecord([
    submission.id,
    window.id,
    agency.code,
    agency.name,
    submission.fiscalYear,
    window.quarter,
    submission.period,
    window.isQuarter,
    submission.isFinal,
    `${window.dueDate} 18:30:00+00`,
    `${window.dueDate} 18:30:00+00`,
    start,
    end,
  ]);
}

export const SUBMISSION_COLUMNS = [
  'submission_id',
  'submission_window_id',
  'toptier_code',
  'reporting_agency_name',
  'reporting_fiscal_year',
  'reporting_fiscal_quarter',
  'reporting_fiscal_period',
  'quarter_format_flag',
  'is_final_balances_for_fy',
  'published_date',
  'certified_date',
  'reporting_period_start',
  'reporting_period_end',
];
