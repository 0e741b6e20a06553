import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ToptierAgencyEntity } from './toptier-agency.entity';

/** AID + main account code; the grouping key of federal_account-level files. */
@Entity({ name: 'federal_account' })
@Unique('federal_account_agency_identifier_main_account_code_key', ['agencyIdentifier', 'mainAccountCode'])
@Index('federal_account_parent_toptier_agency_id_idx', ['parentToptierAgencyId'])
export class FederalAccountEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id: number;

  @Column({ name: 'agency_identifier', type: 'text' })
  agencyIdentifier: string;

  @Column({ name: 'main_account_code', type: 'text' })
  mainAccountCode: string;

  @Column({ name: 'account_title', type: 'text' })
  accountTitle: string;

  @Column({ name: 'federal_account_code', type: 'text', nullable: true })
  federalAccountCode: string | null;

  @Column({ name: 'parent_toptier_agency_id', type: 'integer', nullable: true })
  parentToptierAgencyId: number | null;

  @ManyToOne(() => ToptierAgencyEntity)
  @JoinColumn({
    name: 'parent_toptier_agency_id',
    foreignKeyConstraintName: 'federal_account_parent_toptier_agency_id_fkey',
  })
  parentToptierAgency?: ToptierAgencyEntity | null;
}
