import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compareCodePoints } from '../download-request/canonical/python-compare.util';
import { AgencyMatch } from '../download-request/accounts/account-file-names.util';

/** The database lookups an account request needs before its job exists (api.md §5.2–5.3). Bound parameters. */
@Injectable()
export class AccountLookupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every DEF code of the reference table, sorted as Python sorts strings (the enum message lists them). */
  async defCodes(): Promise<string[]> {
    const rows = await this.dataSource.query<{ code: string }[]>(
      'SELECT code FROM disaster_emergency_fund_code',
    );
    return rows.map((row) => row.code).sort(compareCodePoints);
  }

  /** The agency an all-digit filter names by id, and whether the text is some agency's abbreviation. */
  async matchAgency(agency: string): Promise<AgencyMatch> {
    // Ids beyond int4 cannot exist; comparing as text avoids an out-of-range cast error.
    const rows = await this.dataSource.query<{ by_id: string | null; by_abbreviation: boolean }[]>(
      `SELECT (SELECT toptier_code FROM toptier_agency WHERE toptier_agency_id::text = $1) AS by_id,
              EXISTS (SELECT 1 FROM toptier_agency WHERE abbreviation = $2) AS by_abbreviation`,
      [/^\d+$/.test(agency) ? String(BigInt(agency)) : '', agency],
    );
    return { toptierCodeOfId: rows[0].by_id, abbreviationExists: rows[0].by_abbreviation };
  }

  async federalAccountExists(id: string): Promise<boolean> {
    if (!/^\d+$/.test(id)) return false;
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM federal_account WHERE id::text = $1', [
      String(BigInt(id)),
    ]);
    return rows.length > 0;
  }

  /**
   * The latest revealed quarter (quarterly windows ending by `period`), or the latest revealed monthly period
   * (monthly windows in quarters up to `quarter`), of fiscal year `fy`; null when none is revealed yet.
   */
  async latestRevealed(fy: number, by: { quarter: number } | { period: number }): Promise<number | null> {
    const [sql, bound] =
      'period' in by
        ? [
            `SELECT max(submission_fiscal_quarter) AS value FROM dabs_submission_window_schedule
             WHERE is_quarter AND submission_fiscal_year = $1 AND submission_fiscal_month <= $2
               AND submission_reveal_date <= now()`,
            by.period,
          ]
        : [
            `SELECT max(submission_fiscal_month) AS value FROM dabs_submission_window_schedule
             WHERE NOT is_quarter AND submission_fiscal_year = $1 AND submission_fiscal_quarter <= $2
               AND submission_reveal_date <= now()`,
            by.quarter,
          ];
    const rows = await this.dataSource.query<{ value: number | null }[]>(sql, [fy, bound]);
    return rows[0].value === null ? null : Number(rows[0].value);
  }
}
