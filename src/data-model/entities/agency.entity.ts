import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Pairs a toptier and a subtier agency; bulk-download agency filters send this id. */
@Entity({ name: 'agency' })
export class AgencyEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id: number;

  @Column({ name: 'toptier_agency_id', type: 'integer' })
  toptierAgencyId: number;

  @Column({ name: 'subtier_agency_id', type: 'integer', nullable: true })
  subtierAgencyId: number | null;

  @Column({ name: 'toptier_flag', type: 'boolean' })
  toptierFlag: boolean;

  @Column({ name: 'user_selectable', type: 'boolean' })
  userSelectable: boolean;
}
