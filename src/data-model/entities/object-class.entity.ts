import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An OMB object class, optionally split by direct/reimbursable funding. */
@Entity({ name: 'object_class' })
export class ObjectClassEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id: number;

  @Column({ name: 'major_object_class', type: 'text', nullable: true })
  majorObjectClass: string | null;

  @Column({ name: 'object_class', type: 'text' })
  objectClass: string;

  @Column({ name: 'object_class_name', type: 'text' })
  objectClassName: string;

  @Column({ name: 'direct_reimbursable', type: 'text', nullable: true })
  directReimbursable: string | null;
}
