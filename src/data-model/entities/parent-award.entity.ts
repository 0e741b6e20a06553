import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One IDV and its parent IDV (NULL for a top IDV). Thin: the counters and totals live in migration
 * 1764000000610; the IDV download reads only the two ids.
 */
@Entity({ name: 'parent_award' })
export class ParentAwardEntity {
  @PrimaryColumn({ name: 'award_id', type: 'bigint' })
  awardId: string;

  @Column({ name: 'generated_unique_award_id', type: 'text' })
  generatedUniqueAwardId: string;

  @Column({ name: 'parent_award_id', type: 'bigint', nullable: true })
  parentAwardId: string | null;
}
