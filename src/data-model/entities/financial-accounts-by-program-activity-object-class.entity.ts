import { Column, Entity, PrimaryColumn } from 'typeorm';

/** File B: one TAS × program activity × object class (× DEFC) row of a submission. Thin: amounts in migration 1764000000200. */
@Entity({ name: 'financial_accounts_by_program_activity_object_class' })
export class FinancialAccountsByProgramActivityObjectClassEntity {
  @PrimaryColumn({ name: 'financial_accounts_by_program_activity_object_class_id', type: 'integer' })
  id: number;

  @Column({ name: 'submission_id', type: 'integer' })
  submissionId: number;

  @Column({ name: 'treasury_account_id', type: 'integer', nullable: true })
  treasuryAccountId: number | null;

  @Column({ name: 'program_activity_id', type: 'integer', nullable: true })
  programActivityId: number | null;

  @Column({ name: 'object_class_id', type: 'integer', nullable: true })
  objectClassId: number | null;

  @Column({ name: 'disaster_emergency_fund_code', type: 'text', nullable: true })
  disasterEmergencyFundCode: string | null;

  @Column({ name: 'obligations_incurred_by_program_object_class_cpe', type: 'numeric' })
  obligationsIncurredByProgramObjectClassCpe: string;
}
