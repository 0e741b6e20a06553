import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A program activity code and name of one account and budget year. */
@Entity({ name: 'ref_program_activity' })
export class RefProgramActivityEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id: number;

  @Column({ name: 'program_activity_code', type: 'text' })
  programActivityCode: string;

  @Column({ name: 'program_activity_name', type: 'text', nullable: true })
  programActivityName: string | null;

  @Column({ name: 'budget_year', type: 'text', nullable: true })
  budgetYear: string | null;

  @Column({ name: 'responsible_agency_id', type: 'text', nullable: true })
  responsibleAgencyId: string | null;

  @Column({ name: 'main_account_code', type: 'text', nullable: true })
  mainAccountCode: string | null;
}
