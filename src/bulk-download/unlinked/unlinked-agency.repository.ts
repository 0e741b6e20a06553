import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface UnlinkedAgency {
  readonly code: string;
  readonly name: string;
  readonly abbreviation: string | null;
}

/** The agencies the unlinked-awards archives and their listing are about. Bound parameters only. */
@Injectable()
export class UnlinkedAgencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Agencies that published a revealed submission or awarded something: they may have unlinked awards. */
  reportingAgencies(): Promise<UnlinkedAgency[]> {
    return this.dataSource.query<UnlinkedAgency[]>(
      `SELECT t.toptier_code AS code, t.name, t.abbreviation FROM toptier_agency AS t
       WHERE EXISTS (SELECT 1 FROM submission_attributes AS s
                     JOIN dabs_submission_window_schedule AS w ON w.id = s.submission_window_id
                     WHERE s.toptier_code = t.toptier_code AND w.submission_reveal_date <= now())
          OR EXISTS (SELECT 1 FROM award_search AS a WHERE a.awarding_toptier_agency_code = t.toptier_code)
       ORDER BY t.toptier_code`,
    );
  }

  /** The agency with exactly this toptier code (compared as text), or null. */
  async byCode(code: string): Promise<UnlinkedAgency | null> {
    const rows = await this.dataSource.query<UnlinkedAgency[]>(
      `SELECT toptier_code AS code, name, abbreviation FROM toptier_agency WHERE toptier_code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }
}
