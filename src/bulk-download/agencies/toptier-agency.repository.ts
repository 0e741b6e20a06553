import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A department-level agency as the bulk routes show it. */
export interface ToptierAgency {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly abbreviation: string | null;
}

interface AgencyRow {
  id: number;
  code: string;
  name: string;
  abbreviation: string | null;
}

const COLUMNS = `t.toptier_agency_id AS id, t.toptier_code AS code, t.name, t.abbreviation`;

/** `toptier_agency_id` is a PostgreSQL integer: an id outside its range can match nothing. */
const MAX_INT4 = 2_147_483_647;

/** Agency look-ups of the bulk routes (api.md §4.1, §8, §9); every value is a bound parameter. */
@Injectable()
export class ToptierAgencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: number): Promise<ToptierAgency | null> {
    if (!Number.isSafeInteger(id) || Math.abs(id) > MAX_INT4) return null;
    const rows = await this.dataSource.query<AgencyRow[]>(
      `SELECT ${COLUMNS} FROM toptier_agency AS t WHERE t.toptier_agency_id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Agencies of the award pick-list: at least one user-selectable agency row with a subtier; by name. */
  awardAgencies(): Promise<ToptierAgency[]> {
    return this.dataSource.query<AgencyRow[]>(
      `SELECT ${COLUMNS} FROM toptier_agency AS t
       WHERE EXISTS (SELECT 1 FROM agency AS a WHERE a.toptier_agency_id = t.toptier_agency_id
                     AND a.user_selectable AND a.subtier_agency_id IS NOT NULL)
       ORDER BY t.name, t.toptier_agency_id`,
    );
  }

  /** Agencies of the account pick-list: their code occurs in at least one DABS submission; by name. */
  accountAgencies(): Promise<ToptierAgency[]> {
    return this.dataSource.query<AgencyRow[]>(
      `SELECT ${COLUMNS} FROM toptier_agency AS t
       WHERE EXISTS (SELECT 1 FROM submission_attributes AS s WHERE s.toptier_code = t.toptier_code)
       ORDER BY t.name, t.toptier_agency_id`,
    );
  }

  /** Distinct user-selectable subtier names of a toptier agency, except one named like the agency itself. */
  async subAgencyNames(toptierId: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ name: string }[]>(
      `SELECT DISTINCT s.name FROM agency AS a
       JOIN subtier_agency AS s ON s.subtier_agency_id = a.subtier_agency_id
       JOIN toptier_agency AS t ON t.toptier_agency_id = a.toptier_agency_id
       WHERE a.toptier_agency_id = $1 AND a.user_selectable AND s.name <> t.name
       ORDER BY s.name`,
      [toptierId],
    );
    return rows.map((row) => row.name);
  }
}
