import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface UnlinkedAgency {
  readonly code: string;
  readonly name: string;
  readonly abbreviation: string | null;
  /**
   * What its archives are named after: the agency name, or — for the second of two agencies with the same name
   * (two "Legislative Branch" agencies exist) — the name and the toptier code, so neither overwrites the other.
   */
  readonly archiveName: string;
}

const COLUMNS = `t.toptier_code AS code, t.name, t.abbreviation,
  CASE WHEN EXISTS (SELECT 1 FROM toptier_agency AS o WHERE o.name = t.name AND o.toptier_code < t.toptier_code)
       THEN t.name || ' ' || t.toptier_code ELSE t.name END AS "archiveName"`;

/** The agencies the unlinked-awards archives and their listing are about. Bound parameters only. */
@Injectable()
export class UnlinkedAgencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Agencies that published a revealed submission or awarded something: they may have unlinked awards. */
  reportingAgencies(): Promise<UnlinkedAgency[]> {
    return this.dataSource.query<UnlinkedAgency[]>(
      `SELECT ${COLUMNS} FROM toptier_agency AS t
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
      `SELECT ${COLUMNS} FROM toptier_agency AS t WHERE t.toptier_code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }
}
