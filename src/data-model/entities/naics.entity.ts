import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A NAICS industry code. */
@Entity({ name: 'naics' })
export class NaicsEntity {
  @PrimaryColumn({ name: 'code', type: 'text' })
  code: string;

  @Column({ name: 'description', type: 'text' })
  description: string;

  @Column({ name: 'year', type: 'integer' })
  year: number;
}
