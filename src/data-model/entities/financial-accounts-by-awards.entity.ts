import { Column, Entity, PrimaryColumn } from 'typeorm';

/** File C: award-level obligations and outlays of a submission; award_id NULL = unlinked. */
@Entity({ name: 'financial_accounts_by_awards' })
export class FinancialAccountsByAwardsEntity {
  @PrimaryColumn({ name: 'financial_accounts_by_awards_id', type: 'integer' })
  id: number;

  @Column({ name: 'submission_id', type: 'integer' })
  submissionId: number;

  @Column({ name: 'treasury_account_id', type: 'integer', nullable: true })
  treasuryAccountId: number | null;

  @Column({ name: 'award_id', type: 'bigint', nullable: true })
  awardId: string | null;

  @Column({ name: 'distinct_award_key', type: 'text' })
  distinctAwardKey: string;

  @Column({ name: 'piid', type: 'text', nullable: true })
  piid: string | null;

  @Column({ name: 'fain', type: 'text', nullable: true })
  fain: string | null;

  @Column({ name: 'transaction_obligated_amount', type: 'numeric', nullable: true })
  transactionObligatedAmount: string | null;

  @Column({ name: 'gross_outlay_amount_by_award_cpe', type: 'numeric', nullable: true })
  grossOutlayAmountByAwardCpe: string | null;
}
