import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Product and Service Code. */
@Entity({ name: 'psc' })
export class PscEntity {
  @PrimaryColumn({ name: 'code', type: 'text' })
  code: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;
}
