import { SourceKey } from '../catalog/catalog.types';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { AwardPageKind } from './request/award-page-request.types';
import { numberLiteral } from '../filters/sql-literal.util';
import { idvDescendantsSql, idvFamilySql } from './idv-hierarchy-sql.util';

/** One data file of an award-page zip. */
export interface AwardPageFile {
  readonly downloadType: string;
  /** The part of the inner file name after `<prefix>_<id>_`. */
  readonly label: string;
  readonly catalogKey: SourceKey;
  /** The file's rows for the award (its internal id), as conditions over the catalog's aliases. */
  readonly where: (awardId: number) => string[];
}

const FUNDING =
  (condition: (awardId: number) => string): AwardPageFile['where'] =>
  (awardId) => [condition(awardId)];

/**
 * The files of each page, in zip order (the sorted download types). Which rows: the award's own File C rows
 * (every submission, no period or non-zero rule) and transactions, its subawards; for an IDV the File C rows
 * of its whole hierarchy and the prime award summaries of the awards below it. The d1/d2 split (`is_fpds`)
 * comes with each catalog, so an award of the other category gets mostly empty files, as in the reference.
 */
export const AWARD_PAGE_FILES: Readonly<Record<AwardPageKind, readonly AwardPageFile[]>> = {
  idv: [
    {
      downloadType: 'idv_federal_account_funding',
      label: 'FederalAccountFunding',
      catalogKey: 'award_financial.treasury_account',
      // An array of the (few) ids, not IN (subquery): the planner then looks each id up in the award_id
      // index instead of scanning all of File C against a hashed subquery.
      where: FUNDING((id) => `financial_accounts_by_awards.award_id = ANY (ARRAY(${idvFamilySql(id)}))`),
    },
    {
      downloadType: 'idv_orders',
      label: 'Orders',
      catalogKey: 'idv_orders.d1',
      where: (id) => [`award_search.award_id = ANY (ARRAY(${idvDescendantsSql(id)}))`],
    },
    {
      downloadType: 'idv_transaction_history',
      label: 'TransactionHistory',
      catalogKey: 'idv_transaction_history.d1',
      where: (id) => [`transaction_search.award_id = ${numberLiteral(id)}`],
    },
  ],
  contract: [
    {
      downloadType: 'contract_federal_account_funding',
      label: 'FederalAccountFunding',
      catalogKey: 'award_financial.treasury_account',
      where: FUNDING((id) => `financial_accounts_by_awards.award_id = ${numberLiteral(id)}`),
    },
    {
      downloadType: 'contract_transactions',
      label: 'TransactionHistory',
      catalogKey: 'idv_transaction_history.d1',
      where: (id) => [`transaction_search.award_id = ${numberLiteral(id)}`],
    },
    {
      downloadType: 'sub_contracts',
      label: 'Sub-Awards',
      catalogKey: 'sub_award.d1',
      where: (id) => [`subaward_search.award_id = ${numberLiteral(id)}`],
    },
  ],
  assistance: [
    {
      downloadType: 'assistance_federal_account_funding',
      label: 'FederalAccountFunding',
      catalogKey: 'award_financial.treasury_account',
      where: FUNDING((id) => `financial_accounts_by_awards.award_id = ${numberLiteral(id)}`),
    },
    {
      downloadType: 'assistance_transactions',
      label: 'TransactionHistory',
      catalogKey: 'assistance_transaction_history.d2',
      where: (id) => [`transaction_search.award_id = ${numberLiteral(id)}`],
    },
    {
      downloadType: 'sub_grants',
      label: 'Sub-Awards',
      catalogKey: 'sub_award.d2',
      where: (id) => [`subaward_search.award_id = ${numberLiteral(id)}`],
    },
  ],
};

/** The request names a page's files know: a requested column must be in one of them. */
export function awardPageColumnNames(kind: AwardPageKind): string[][] {
  return AWARD_PAGE_FILES[kind].map((file) =>
    catalogFor(file.catalogKey).columns.map((column) => column.requestName),
  );
}
