import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AgencyEntity } from '../../data-model/entities/agency.entity';
import { ToptierAgencyEntity } from '../../data-model/entities/toptier-agency.entity';

/** A department-level agency as the bulk routes show it. */
export interface ToptierAgency {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly abbreviation: string | null;
}

/** `toptier_agency_id` is a PostgreSQL integer: an id outside its range can match nothing. */
export const MAX_INT4 = 2_147_483_647;

const shown = (agency: ToptierAgencyEntity): ToptierAgency => ({
  id: agency.id,
  code: agency.toptierCode,
  name: agency.name,
  abbreviation: agency.abbreviation,
});

/** Agency look-ups of the bulk routes; every value is a bound parameter. */
@Injectable()
export class ToptierAgencyRepository {
  constructor(
    @InjectRepository(ToptierAgencyEntity) private readonly agencies: Repository<ToptierAgencyEntity>,
    @InjectRepository(AgencyEntity) private readonly pairs: Repository<AgencyEntity>,
  ) {}

  async findById(id: number): Promise<ToptierAgency | null> {
    if (!Number.isSafeInteger(id) || Math.abs(id) > MAX_INT4) return null;
    const agency = await this.agencies.findOneBy({ id });
    return agency && shown(agency);
  }

  /** Agencies of the award pick-list: at least one user-selectable agency row with a subtier; by name. */
  awardAgencies(): Promise<ToptierAgency[]> {
    return this.listWhere((query) =>
      query
        .subQuery()
        .select('1')
        .from(AgencyEntity, 'a')
        .where('a.toptierAgencyId = t.id AND a.userSelectable AND a.subtierAgencyId IS NOT NULL'),
    );
  }

  /** Agencies of the account pick-list: their code occurs in at least one DABS submission; by name. */
  accountAgencies(): Promise<ToptierAgency[]> {
    return this.listWhere((query) =>
      query
        .subQuery()
        .select('1')
        .from('submission_attributes', 's')
        .where('s.toptier_code = t.toptier_code'),
    );
  }

  /** Distinct user-selectable subtier names of a toptier agency, except one named like the agency itself. */
  async subAgencyNames(toptierId: number): Promise<string[]> {
    const rows = await this.pairs
      .createQueryBuilder('a')
      .innerJoin('a.subtierAgency', 's')
      .innerJoin('a.toptierAgency', 't')
      .select('s.name', 'name')
      .distinct(true)
      .where('a.toptierAgencyId = :toptierId', { toptierId })
      .andWhere('a.userSelectable')
      .andWhere('s.name <> t.name')
      .orderBy('s.name')
      .getRawMany<{ name: string }>();
    return rows.map((row) => row.name);
  }

  private async listWhere(
    exists: (query: SelectQueryBuilder<ToptierAgencyEntity>) => SelectQueryBuilder<ObjectLiteral>,
  ): Promise<ToptierAgency[]> {
    const agencies = await this.agencies
      .createQueryBuilder('t')
      .where((query: SelectQueryBuilder<ToptierAgencyEntity>) => `EXISTS ${exists(query).getQuery()}`)
      .orderBy('t.name')
      .addOrderBy('t.id')
      .getMany();
    return agencies.map(shown);
  }
}
