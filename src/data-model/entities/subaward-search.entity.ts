import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One reported subaward (base of sub_award.d1/d2). Thin: ~130 columns live in migration 1764000000100, the source of truth. */
@Entity({ name: 'subaward_search' })
export class SubawardSearchEntity {
  @PrimaryColumn({ name: 'broker_subaward_id', type: 'bigint' })
  brokerSubawardId: string;

  @Column({ name: 'award_id', type: 'bigint', nullable: true })
  awardId: string | null;

  @Column({ name: 'latest_transaction_id', type: 'bigint', nullable: true })
  latestTransactionId: string | null;

  @Column({ name: 'unique_award_key', type: 'text', nullable: true })
  uniqueAwardKey: string | null;

  @Column({ name: 'sub_action_date', type: 'date', nullable: true })
  subActionDate: string | null;

  @Column({ name: 'subaward_number', type: 'text', nullable: true })
  subawardNumber: string | null;

  @Column({ name: 'subaward_amount', type: 'numeric', nullable: true })
  subawardAmount: string | null;

  @Column({ name: 'prime_award_group', type: 'text', nullable: true })
  primeAwardGroup: string | null;

  @Column({ name: 'subaward_description', type: 'text', nullable: true })
  subawardDescription: string | null;
}
