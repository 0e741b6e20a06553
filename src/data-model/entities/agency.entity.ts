import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { SubtierAgencyEntity } from './subtier-agency.entity';
import { ToptierAgencyEntity } from './toptier-agency.entity';

/** Pairs a toptier and a subtier agency; bulk-download agency filters send this id. */
@Entity({ name: 'agency' })
@Unique('agency_subtier_agency_id_key', ['subtierAgencyId'])
@Index('agency_toptier_agency_id_idx', ['toptierAgencyId'])
export class AgencyEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id: number;

  @Column({ name: 'create_date', type: 'timestamptz', default: () => 'now()' })
  createDate: Date;

  @Column({ name: 'update_date', type: 'timestamptz', default: () => 'now()' })
  updateDate: Date;

  @Column({ name: 'toptier_agency_id', type: 'integer' })
  toptierAgencyId: number;

  @ManyToOne(() => ToptierAgencyEntity)
  @JoinColumn({ name: 'toptier_agency_id', foreignKeyConstraintName: 'agency_toptier_agency_id_fkey' })
  toptierAgency?: ToptierAgencyEntity;

  @Column({ name: 'subtier_agency_id', type: 'integer', nullable: true })
  subtierAgencyId: number | null;

  @ManyToOne(() => SubtierAgencyEntity)
  @JoinColumn({ name: 'subtier_agency_id', foreignKeyConstraintName: 'agency_subtier_agency_id_fkey' })
  subtierAgency?: SubtierAgencyEntity | null;

  @Column({ name: 'toptier_flag', type: 'boolean', default: false })
  toptierFlag: boolean;

  @Column({ name: 'user_selectable', type: 'boolean', default: false })
  userSelectable: boolean;
}
