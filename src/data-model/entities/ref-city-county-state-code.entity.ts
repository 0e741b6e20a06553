import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A city with its county and state codes. */
@Entity({ name: 'ref_city_county_state_code' })
export class RefCityCountyStateCodeEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id: number;

  @Column({ name: 'state_alpha', type: 'text' })
  stateAlpha: string;

  @Column({ name: 'county_numeric', type: 'text', nullable: true })
  countyNumeric: string | null;

  @Column({ name: 'county_name', type: 'text', nullable: true })
  countyName: string | null;

  @Column({ name: 'city_code', type: 'text', nullable: true })
  cityCode: string | null;

  @Column({ name: 'city_name', type: 'text', nullable: true })
  cityName: string | null;
}
