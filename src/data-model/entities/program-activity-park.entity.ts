import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Program Activity Reporting Key (PARK), the successor of program activity codes. */
@Entity({ name: 'program_activity_park' })
export class ProgramActivityParkEntity {
  @PrimaryColumn({ name: 'code', type: 'text' })
  code: string;

  @Column({ name: 'name', type: 'text' })
  name: string;
}
