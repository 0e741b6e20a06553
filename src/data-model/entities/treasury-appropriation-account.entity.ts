import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Treasury Account Symbol (TAS). Thin: see migration 1764000000200 for every column. */
@Entity({ name: 'treasury_appropriation_account' })
export class TreasuryAppropriationAccountEntity {
  @PrimaryColumn({ name: 'treasury_account_identifier', type: 'integer' })
  id: number;

  @Column({ name: 'federal_account_id', type: 'integer', nullable: true })
  federalAccountId: number | null;

  @Column({ name: 'funding_toptier_agency_id', type: 'integer', nullable: true })
  fundingToptierAgencyId: number | null;

  @Column({ name: 'tas_rendering_label', type: 'text', nullable: true })
  tasRenderingLabel: string | null;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId: string;

  @Column({ name: 'allocation_transfer_agency_id', type: 'text', nullable: true })
  allocationTransferAgencyId: string | null;

  @Column({ name: 'main_account_code', type: 'text' })
  mainAccountCode: string;

  @Column({ name: 'sub_account_code', type: 'text' })
  subAccountCode: string;

  @Column({ name: 'account_title', type: 'text', nullable: true })
  accountTitle: string | null;

  @Column({ name: 'budget_function_code', type: 'text', nullable: true })
  budgetFunctionCode: string | null;

  @Column({ name: 'budget_subfunction_code', type: 'text', nullable: true })
  budgetSubfunctionCode: string | null;
}
