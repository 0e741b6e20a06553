import { catalogFor } from '../catalog/catalog-lookup.util';
import { CatalogKey, SQL_PLACEHOLDERS } from '../catalog/catalog.types';
import { closedSubmissionSql, SubmissionPeriod } from '../catalog/closed-submission.util';
import { AccountLevel, AccountSubmissionType } from './request/account-download-type.constants';

/** One data file of an account download, before its filters are applied. */
export interface AccountFileSource {
  readonly submissionType: AccountSubmissionType;
  readonly catalogKey: CatalogKey;
  /** `Contracts_`, `Assistance_`, `Unlinked_` for File C; empty otherwise. */
  readonly group: string;
  /** The File C split, over the catalog's `latest_transaction` alias; undefined for Files A and B. */
  readonly groupCondition?: string;
}

/**
 * File C's three files (docs/compatibility.md#account-file-sources) split on the award's latest transaction. The reference's Unlinked
 * file takes `award_id IS NULL`; we take every row whose award is unknown, so that the three files always
 * partition the rows (a File C row pointing at a missing award would otherwise be in no file).
 */
const FILE_C_GROUPS: readonly { group: string; condition: string }[] = [
  { group: 'Contracts_', condition: 'latest_transaction.is_fpds = true' },
  { group: 'Assistance_', condition: 'latest_transaction.is_fpds = false' },
  { group: 'Unlinked_', condition: 'latest_transaction.is_fpds IS NULL' },
];

/** The files of a request, in zip order: download types (sorted), File C as Contracts, Assistance, Unlinked. */
export function accountFileSources(
  downloadTypes: readonly AccountSubmissionType[],
  level: AccountLevel,
): AccountFileSource[] {
  return downloadTypes.flatMap((submissionType): AccountFileSource[] => {
    const catalogKey: CatalogKey = `${submissionType}.${level}`;
    if (submissionType !== 'award_financial') return [{ submissionType, catalogKey, group: '' }];
    return FILE_C_GROUPS.map(({ group, condition }) => ({
      submissionType,
      catalogKey,
      group,
      groupCondition: condition,
    }));
  });
}

/** The four File C amounts of the non-zero rule (docs/compatibility.md#account-file-rows), as raw column names. */
const FILE_C_AMOUNTS = [
  'transaction_obligated_amount',
  'gross_outlay_amount_by_award_cpe',
  'ussgl487200_down_adj_pri_ppaid_undel_orders_oblig_refund_cpe',
  'ussgl497200_down_adj_pri_paid_deliv_orders_oblig_refund_cpe',
];

/** Their federal-account headers: the rule then tests the sums (closed-submission sums for outlays). */
const FILE_C_AMOUNT_HEADERS = [
  'transaction_obligated_amount',
  'gross_outlay_amount_FYB_to_period_end',
  'USSGL487200_downward_adj_prior_year_prepaid_undeliv_order_oblig',
  'USSGL497200_downward_adj_of_prior_year_paid_deliv_orders_oblig',
];

/** File C keeps a row when one of its amounts is non-zero; NULL never qualifies (`NULL <> 0` is not true). */
export function nonZeroRowCondition(): string {
  return `(${FILE_C_AMOUNTS.map((name) => `financial_accounts_by_awards.${name} <> 0`).join(' OR ')})`;
}

/** The same rule at the federal-account level, as a HAVING on the aggregated amounts (one SQL statement). */
export function nonZeroGroupCondition(period: SubmissionPeriod): string {
  const columns = catalogFor('award_financial.federal_account').columns;
  const sums = FILE_C_AMOUNT_HEADERS.map((header) => {
    const column = columns.find((candidate) => candidate.header === header);
    if (!column) throw new Error(`File C federal-account list lacks ${header}`);
    return column.sql.split(SQL_PLACEHOLDERS.closedSubmission).join(closedSubmissionSql(period));
  });
  return `(${sums.map((sum) => `${sum} <> 0`).join(' OR ')})`;
}
