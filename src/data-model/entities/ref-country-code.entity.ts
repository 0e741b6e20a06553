import { Column, Entity, PrimaryColumn } from 'typeorm';

/** ISO-3 country code and name. */
@Entity({ name: 'ref_country_code' })
export class RefCountryCodeEntity {
  @PrimaryColumn({ name: 'country_code', type: 'text' })
  countryCode: string;

  @Column({ name: 'country_name', type: 'text', nullable: true })
  countryName: string | null;
}
