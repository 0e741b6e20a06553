import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One FPDS or FABS transaction (base of transaction.d1/d2). Thin: ~330 columns live in migration 1764000000100, the source of truth. */
@Entity({ name: 'transaction_search' })
export class TransactionSearchEntity {
  @PrimaryColumn({ name: 'transaction_id', type: 'bigint' })
  transactionId: string;

  @Column({ name: 'award_id', type: 'bigint', nullable: true })
  awardId: string | null;

  @Column({ name: 'is_fpds', type: 'boolean' })
  isFpds: boolean;

  @Column({ name: 'generated_unique_award_id', type: 'text', nullable: true })
  generatedUniqueAwardId: string | null;

  @Column({ name: 'action_date', type: 'date', nullable: true })
  actionDate: string | null;

  @Column({ name: 'fiscal_year', type: 'integer', nullable: true })
  fiscalYear: number | null;

  @Column({ name: 'type', type: 'text', nullable: true })
  type: string | null;

  @Column({ name: 'federal_action_obligation', type: 'numeric', nullable: true })
  federalActionObligation: string | null;

  @Column({ name: 'modification_number', type: 'text', nullable: true })
  modificationNumber: string | null;

  @Column({ name: 'transaction_description', type: 'text', nullable: true })
  transactionDescription: string | null;

  @Column({ name: 'recipient_name', type: 'text', nullable: true })
  recipientName: string | null;
}
