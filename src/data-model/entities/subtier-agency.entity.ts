import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A bureau-level agency (sub_agency filter, awarding/funding sub-agency). */
@Entity({ name: 'subtier_agency' })
@Unique('subtier_agency_subtier_code_key', ['subtierCode'])
export class SubtierAgencyEntity {
  @PrimaryColumn({ name: 'subtier_agency_id', type: 'integer' })
  id: number;

  @Column({ name: 'create_date', type: 'timestamptz', default: () => 'now()' })
  createDate: Date;

  @Column({ name: 'update_date', type: 'timestamptz', default: () => 'now()' })
  updateDate: Date;

  @Column({ name: 'subtier_code', type: 'text' })
  subtierCode: string;

  @Column({ name: 'abbreviation', type: 'text', nullable: true })
  abbreviation: string | null;

  @Column({ name: 'name', type: 'text' })
  name: string;
}
