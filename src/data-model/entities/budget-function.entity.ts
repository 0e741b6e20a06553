import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A budget subfunction with its function (derived from the TAS list). */
@Entity({ name: 'budget_function' })
export class BudgetFunctionEntity {
  @PrimaryColumn({ name: 'budget_subfunction_code', type: 'text' })
  budgetSubfunctionCode: string;

  @Column({ name: 'budget_subfunction_title', type: 'text' })
  budgetSubfunctionTitle: string;

  @Column({ name: 'budget_function_code', type: 'text' })
  budgetFunctionCode: string;

  @Column({ name: 'budget_function_title', type: 'text' })
  budgetFunctionTitle: string;
}
