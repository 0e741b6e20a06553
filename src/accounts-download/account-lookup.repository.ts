import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { MAX_INT4 } from '../bulk-download/agencies/toptier-agency.repository';
import { FederalAccountEntity } from '../data-model/entities/federal-account.entity';
import { ToptierAgencyEntity } from '../data-model/entities/toptier-agency.entity';
import { compareCodePoints } from '../download-request/canonical/python-compare.util';
import { AgencyMatch } from './request/account-file-names.util';

/** The database lookups an account request needs before its job exists (docs/compatibility.md#account-downloads). Bound parameters. */
@Injectable()
export class AccountLookupRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ToptierAgencyEntity) private readonly agencies: Repository<ToptierAgencyEntity>,
    @InjectRepository(FederalAccountEntity)
    private readonly federalAccounts: Repository<FederalAccountEntity>,
  ) {}

  /** Every DEF code of the reference table, sorted as Python sorts strings (the enum message lists them). */
  async defCodes(): Promise<string[]> {
    const rows = await this.dataSource.query<{ code: string }[]>(
      'SELECT code FROM disaster_emergency_fund_code',
    );
    return rows.map((row) => row.code).sort(compareCodePoints);
  }

  /** The agency an all-digit filter names by id, and whether the text is some agency's abbreviation. */
  async matchAgency(agency: string): Promise<AgencyMatch> {
    const id = databaseId(agency);
    const byId =
      id === null ? null : await this.agencies.findOne({ where: { id }, select: { toptierCode: true } });
    return {
      toptierCodeOfId: byId?.toptierCode ?? null,
      abbreviationExists: await this.agencies.existsBy({ abbreviation: agency }),
    };
  }

  async federalAccountExists(id: string): Promise<boolean> {
    const key = databaseId(id);
    return key !== null && this.federalAccounts.existsBy({ id: key });
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

/** An all-digit text as an integer id, or null: ids beyond int4 cannot exist (and cannot be bound). */
function databaseId(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const id = BigInt(text);
  return id <= BigInt(MAX_INT4) ? Number(id) : null;
}
