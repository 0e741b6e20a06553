import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department-level agency (CGAC/FREC code); owning agency of TAS and federal accounts. */
@Entity({ name: 'toptier_agency' })
export class ToptierAgencyEntity {
  @PrimaryColumn({ name: 'toptier_agency_id', type: 'integer' })
  id: number;

  @Column({ name: 'toptier_code', type: 'text' })
  toptierCode: string;

  @Column({ name: 'abbreviation', type: 'text', nullable: true })
  abbreviation: string | null;

  @Column({ name: 'name', type: 'text' })
  name: string;
}
