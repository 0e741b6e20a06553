import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ToptierAgency } from '../agencies/toptier-agency.repository';

interface AgencyRow {
  id: number;
  code: string;
  name: string;
  abbreviation: string | null;
}

/**
 * What the archive command needs to know about the data before generating: which fiscal years exist, and which
 * agencies awarded transactions of a kind in a window (so no archive is an empty file).
 */
@Injectable()
export class ArchiveSourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async fiscalYears(): Promise<number[]> {
    const rows = await this.dataSource.query<{ fiscal_year: number }[]>(
      `SELECT DISTINCT fiscal_year FROM transaction_search WHERE fiscal_year IS NOT NULL ORDER BY fiscal_year`,
    );
    return rows.map((row) => Number(row.fiscal_year));
  }

  /** Awarding toptier agencies with FPDS (`isFpds`) or FABS transactions acted on between the two dates. */
  awardingAgencies(isFpds: boolean, startDate: string, endDate: string): Promise<ToptierAgency[]> {
    return this.agenciesWhere('ts.action_date BETWEEN $2 AND $3', [isFpds, startDate, endDate]);
  }

  /**
   * Awarding toptier agencies with transactions of the kind modified, or journaled as deleted, on or after
   * `since` (`YYYY-MM-DD`).
   */
  changedAgencies(isFpds: boolean, since: string): Promise<ToptierAgency[]> {
    return this.agenciesWhere(
      'ts.last_modified_date >= $2',
      [isFpds, since],
      `OR EXISTS (SELECT 1 FROM transaction_delete_journal AS j
                  WHERE j.awarding_toptier_agency_code = t.toptier_code AND j.is_fpds = $1 AND j.deleted_at >= $2::date)`,
    );
  }

  private agenciesWhere(condition: string, params: unknown[], orElse = ''): Promise<ToptierAgency[]> {
    return this.dataSource.query<AgencyRow[]>(
      `SELECT t.toptier_agency_id AS id, t.toptier_code AS code, t.name, t.abbreviation
       FROM toptier_agency AS t
       WHERE EXISTS (SELECT 1 FROM transaction_search AS ts
                     WHERE ts.awarding_toptier_agency_code = t.toptier_code AND ts.is_fpds = $1 AND ${condition})
         ${orElse}
       ORDER BY t.toptier_code`,
      params,
    );
  }
}
