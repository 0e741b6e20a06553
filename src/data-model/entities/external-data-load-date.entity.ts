import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When each kind of data last changed; the download request cache keys on the latest one. */
@Entity({ name: 'external_data_load_date' })
export class ExternalDataLoadDateEntity {
  @PrimaryColumn({ name: 'load_type', type: 'text' })
  loadType: string;

  @Column({ name: 'last_load_date', type: 'timestamptz' })
  lastLoadDate: Date;
}
