import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A state or territory per census year (FIPS, USPS code, population). */
@Entity({ name: 'state_data' })
export class StateDataEntity {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'fips', type: 'text' })
  fips: string;

  @Column({ name: 'code', type: 'text' })
  code: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'type', type: 'text' })
  type: string;

  @Column({ name: 'year', type: 'integer' })
  year: number;
}
