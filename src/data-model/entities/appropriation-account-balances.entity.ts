import { Column, Entity, PrimaryColumn } from 'typeorm';

/** File A: year-to-date balances of one TAS in one submission. Thin: amounts in migration 1764000000200. */
@Entity({ name: 'appropriation_account_balances' })
export class AppropriationAccountBalancesEntity {
  @PrimaryColumn({ name: 'appropriation_account_balances_id', type: 'integer' })
  id: number;

  @Column({ name: 'treasury_account_identifier', type: 'integer' })
  treasuryAccountIdentifier: number;

  @Column({ name: 'submission_id', type: 'integer' })
  submissionId: number;

  @Column({ name: 'total_budgetary_resources_amount_cpe', type: 'numeric', nullable: true })
  totalBudgetaryResourcesAmountCpe: string | null;

  @Column({ name: 'obligations_incurred_total_by_tas_cpe', type: 'numeric', nullable: true })
  obligationsIncurredTotalByTasCpe: string | null;

  @Column({ name: 'gross_outlay_amount_by_tas_cpe', type: 'numeric', nullable: true })
  grossOutlayAmountByTasCpe: string | null;
}
