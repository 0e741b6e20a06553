import { Column, Entity, PrimaryColumn } from 'typeorm';

/** GTAS SF-133 balances (COVID-19 download only). Thin: amounts in migration 1764000000200. */
@Entity({ name: 'gtas_sf133_balances' })
export class GtasSf133BalancesEntity {
  @PrimaryColumn({ name: 'id', type: 'integer' })
  id: number;

  @Column({ name: 'fiscal_year', type: 'integer' })
  fiscalYear: number;

  @Column({ name: 'fiscal_period', type: 'integer' })
  fiscalPeriod: number;

  @Column({ name: 'treasury_account_identifier', type: 'integer', nullable: true })
  treasuryAccountIdentifier: number | null;

  @Column({ name: 'tas_rendering_label', type: 'text', nullable: true })
  tasRenderingLabel: string | null;
}
