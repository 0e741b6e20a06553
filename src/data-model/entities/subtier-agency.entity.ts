import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A bureau-level agency (sub_agency filter, awarding/funding sub-agency). */
@Entity({ name: 'subtier_agency' })
export class SubtierAgencyEntity {
  @PrimaryColumn({ name: 'subtier_agency_id', type: 'integer' })
  id: number;

  @Column({ name: 'subtier_code', type: 'text' })
  subtierCode: string;

  @Column({ name: 'abbreviation', type: 'text', nullable: true })
  abbreviation: string | null;

  @Column({ name: 'name', type: 'text' })
  name: string;
}
