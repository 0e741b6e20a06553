import { Injectable, OnModuleInit } from '@nestjs/common';
import { escapeIdentifier } from 'pg';
import { DownloadJobEntity } from '../../database/entities/download-job.entity';
import { renderReadme } from '../../download-extras/readme-template.util';
import { numberLiteral } from '../../filters/sql-literal.util';
import { DownloadPlan } from '../../generation/download-plan';
import { DownloadPlannerRegistry } from '../../generation/download-planner.registry';
import { DatabaseDownloadKind } from './database-download-names.util';
import { DatabaseTable } from './database-tables.repository';

export const DATABASE_DOWNLOAD_REQUEST_TYPE = 'database_download';

/** What a database download job stores: the kind, the subset's fiscal year, and the tables in load order. */
export interface DatabaseDownloadRequest {
  readonly kind: DatabaseDownloadKind;
  /** Subset only: the fiscal year whose awards and submissions it holds. */
  readonly fiscal_year?: number;
  readonly tables: readonly DatabaseTable[];
}

/**
 * Row conditions of the subset: one fiscal year of awards (with their transactions, subawards and IDV rows) and
 * of account submissions (with Files A, B, C and GTAS balances); reference tables are complete.
 */
function subsetCondition(table: string, fy: string): string | undefined {
  const awards = `SELECT award_id FROM award_search WHERE fiscal_year = ${fy}`;
  const submissions = `SELECT submission_id FROM submission_attributes WHERE reporting_fiscal_year = ${fy}`;
  const conditions: Record<string, string> = {
    award_search: `fiscal_year = ${fy}`,
    transaction_search: `award_id IN (${awards})`,
    subaward_search: `award_id IN (${awards})`,
    parent_award: `award_id IN (${awards})`,
    submission_attributes: `reporting_fiscal_year = ${fy}`,
    appropriation_account_balances: `submission_id IN (${submissions})`,
    financial_accounts_by_program_activity_object_class: `submission_id IN (${submissions})`,
    financial_accounts_by_awards: `submission_id IN (${submissions})`,
    gtas_sf133_balances: `fiscal_year = ${fy}`,
  };
  return conditions[table];
}

/** One CSV per table (`<table>_1.csv`, parts as usual), in load order, then the instructions. */
@Injectable()
export class DatabaseDownloadPlanner implements OnModuleInit {
  readonly requestType = DATABASE_DOWNLOAD_REQUEST_TYPE;

  constructor(private readonly registry: DownloadPlannerRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  plan(_job: DownloadJobEntity, request: DatabaseDownloadRequest): Promise<DownloadPlan> {
    const fy = request.kind === 'subset' ? numberLiteral(request.fiscal_year ?? 0) : undefined;
    const sources = request.tables.map((table) => {
      const condition = fy === undefined ? undefined : subsetCondition(table.name, fy);
      const columns = table.columns.map((column) => escapeIdentifier(column)).join(', ');
      const where = condition ? ` WHERE ${condition}` : '';
      return { baseName: table.name, sql: `SELECT ${columns} FROM ${escapeIdentifier(table.name)}${where}` };
    });
    return Promise.resolve({
      fileFormat: 'csv',
      sources,
      extraEntries: [
        { name: 'database_download_readme.txt', content: renderReadme('database_download_readme.txt', null) },
      ],
    });
  }
}
