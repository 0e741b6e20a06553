import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A department-level agency (CGAC/FREC code); owning agency of TAS and federal accounts. */
@Entity({ name: 'toptier_agency' })
@Unique('toptier_agency_toptier_code_key', ['toptierCode'])
export class ToptierAgencyEntity {
  @PrimaryColumn({ name: 'toptier_agency_id', type: 'integer' })
  id: number;

  @Column({ name: 'create_date', type: 'timestamptz', default: () => 'now()' })
  createDate: Date;

  @Column({ name: 'update_date', type: 'timestamptz', default: () => 'now()' })
  updateDate: Date;

  @Column({ name: 'toptier_code', type: 'text' })
  toptierCode: string;

  @Column({ name: 'abbreviation', type: 'text', nullable: true })
  abbreviation: string | null;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'mission', type: 'text', nullable: true })
  mission: string | null;

  @Column({ name: 'about_agency_data', type: 'text', nullable: true })
  aboutAgencyData: string | null;

  @Column({ name: 'website', type: 'text', nullable: true })
  website: string | null;

  @Column({ name: 'justification', type: 'text', nullable: true })
  justification: string | null;

  @Column({ name: 'icon_filename', type: 'text', nullable: true })
  iconFilename: string | null;
}
