import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One agency's DATA Act submission for one period (quarterly or monthly). */
@Entity({ name: 'submission_attributes' })
export class SubmissionAttributesEntity {
  @PrimaryColumn({ name: 'submission_id', type: 'integer' })
  id: number;

  @Column({ name: 'submission_window_id', type: 'integer' })
  submissionWindowId: number;

  @Column({ name: 'toptier_code', type: 'text', nullable: true })
  toptierCode: string | null;

  @Column({ name: 'reporting_agency_name', type: 'text', nullable: true })
  reportingAgencyName: string | null;

  @Column({ name: 'reporting_fiscal_year', type: 'integer', nullable: true })
  reportingFiscalYear: number | null;

  @Column({ name: 'reporting_fiscal_quarter', type: 'integer', nullable: true })
  reportingFiscalQuarter: number | null;

  @Column({ name: 'reporting_fiscal_period', type: 'integer', nullable: true })
  reportingFiscalPeriod: number | null;

  @Column({ name: 'quarter_format_flag', type: 'boolean' })
  quarterFormatFlag: boolean;

  @Column({ name: 'is_final_balances_for_fy', type: 'boolean' })
  isFinalBalancesForFy: boolean;

  @Column({ name: 'published_date', type: 'timestamptz', nullable: true })
  publishedDate: Date | null;
}
