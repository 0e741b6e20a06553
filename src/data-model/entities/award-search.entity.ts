import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One prime award (base of award.d1/d2). Thin: ~100 columns live in migration 1764000000100, the source of truth. */
@Entity({ name: 'award_search' })
export class AwardSearchEntity {
  @PrimaryColumn({ name: 'award_id', type: 'bigint' })
  awardId: string;

  @Column({ name: 'generated_unique_award_id', type: 'text' })
  generatedUniqueAwardId: string;

  @Column({ name: 'is_fpds', type: 'boolean' })
  isFpds: boolean;

  @Column({ name: 'latest_transaction_search_id', type: 'bigint', nullable: true })
  latestTransactionSearchId: string | null;

  @Column({ name: 'earliest_transaction_search_id', type: 'bigint', nullable: true })
  earliestTransactionSearchId: string | null;

  @Column({ name: 'type', type: 'text', nullable: true })
  type: string | null;

  @Column({ name: 'category', type: 'text', nullable: true })
  category: string | null;

  @Column({ name: 'piid', type: 'text', nullable: true })
  piid: string | null;

  @Column({ name: 'fain', type: 'text', nullable: true })
  fain: string | null;

  @Column({ name: 'uri', type: 'text', nullable: true })
  uri: string | null;

  @Column({ name: 'parent_award_piid', type: 'text', nullable: true })
  parentAwardPiid: string | null;

  @Column({ name: 'fpds_agency_id', type: 'text', nullable: true })
  fpdsAgencyId: string | null;

  @Column({ name: 'fpds_parent_agency_id', type: 'text', nullable: true })
  fpdsParentAgencyId: string | null;

  @Column({ name: 'date_signed', type: 'date', nullable: true })
  dateSigned: string | null;

  @Column({ name: 'action_date', type: 'date', nullable: true })
  actionDate: string | null;

  @Column({ name: 'total_obligation', type: 'numeric', nullable: true })
  totalObligation: string | null;

  @Column({ name: 'recipient_name', type: 'text', nullable: true })
  recipientName: string | null;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;
}
