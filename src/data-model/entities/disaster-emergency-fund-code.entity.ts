import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A DEF code and the public law behind it (COVID-19 and IIJA groups drive computed headers). */
@Entity({ name: 'disaster_emergency_fund_code' })
export class DisasterEmergencyFundCodeEntity {
  @PrimaryColumn({ name: 'code', type: 'text' })
  code: string;

  @Column({ name: 'public_law', type: 'text' })
  publicLaw: string;

  @Column({ name: 'title', type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'group_name', type: 'text', nullable: true })
  groupName: string | null;
}
