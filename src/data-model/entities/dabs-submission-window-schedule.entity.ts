import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A submission period; revealed (public) once submission_reveal_date has passed. */
@Entity({ name: 'dabs_submission_window_schedule' })
export class DabsSubmissionWindowScheduleEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id: number;

  @Column({ name: 'submission_fiscal_year', type: 'integer' })
  submissionFiscalYear: number;

  @Column({ name: 'submission_fiscal_quarter', type: 'integer' })
  submissionFiscalQuarter: number;

  @Column({ name: 'submission_fiscal_month', type: 'integer' })
  submissionFiscalMonth: number;

  @Column({ name: 'is_quarter', type: 'boolean' })
  isQuarter: boolean;

  @Column({ name: 'submission_reveal_date', type: 'timestamptz' })
  submissionRevealDate: Date;
}
