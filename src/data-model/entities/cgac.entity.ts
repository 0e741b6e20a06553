import { Column, Entity, PrimaryColumn } from 'typeorm';

/** CGAC agency code → name; feeds agency_identifier_name and allocation_transfer_agency_identifier_name. */
@Entity({ name: 'cgac' })
export class CgacEntity {
  @PrimaryColumn({ name: 'cgac_code', type: 'text' })
  cgacCode: string;

  @Column({ name: 'agency_name', type: 'text' })
  agencyName: string;

  @Column({ name: 'agency_abbreviation', type: 'text', nullable: true })
  agencyAbbreviation: string | null;
}
