import { CatalogColumn, CatalogKey, CatalogSource } from './catalog.types';
import {
  ACCOUNT_BALANCES_FEDERAL_ACCOUNT_CATALOG,
  ACCOUNT_BALANCES_TREASURY_ACCOUNT_CATALOG,
  AWARD_D1_CATALOG,
  AWARD_D2_CATALOG,
  AWARD_FINANCIAL_FEDERAL_ACCOUNT_CATALOG,
  AWARD_FINANCIAL_TREASURY_ACCOUNT_CATALOG,
  OBJECT_CLASS_PROGRAM_ACTIVITY_FEDERAL_ACCOUNT_CATALOG,
  OBJECT_CLASS_PROGRAM_ACTIVITY_TREASURY_ACCOUNT_CATALOG,
  SUB_AWARD_D1_CATALOG,
  SUB_AWARD_D2_CATALOG,
  TRANSACTION_D1_CATALOG,
  TRANSACTION_D2_CATALOG,
} from './generated';
import { plainColumnName } from './column-name.util';

const CATALOG: Readonly<Record<CatalogKey, CatalogSource>> = {
  'award.d1': AWARD_D1_CATALOG,
  'award.d2': AWARD_D2_CATALOG,
  'transaction.d1': TRANSACTION_D1_CATALOG,
  'transaction.d2': TRANSACTION_D2_CATALOG,
  'sub_award.d1': SUB_AWARD_D1_CATALOG,
  'sub_award.d2': SUB_AWARD_D2_CATALOG,
  'account_balances.treasury_account': ACCOUNT_BALANCES_TREASURY_ACCOUNT_CATALOG,
  'account_balances.federal_account': ACCOUNT_BALANCES_FEDERAL_ACCOUNT_CATALOG,
  'object_class_program_activity.treasury_account': OBJECT_CLASS_PROGRAM_ACTIVITY_TREASURY_ACCOUNT_CATALOG,
  'object_class_program_activity.federal_account': OBJECT_CLASS_PROGRAM_ACTIVITY_FEDERAL_ACCOUNT_CATALOG,
  'award_financial.treasury_account': AWARD_FINANCIAL_TREASURY_ACCOUNT_CATALOG,
  'award_financial.federal_account': AWARD_FINANCIAL_FEDERAL_ACCOUNT_CATALOG,
};

export function catalogFor(key: CatalogKey): CatalogSource {
  return CATALOG[key];
}

/** The column a request name designates: its header, or its suffixed internal name. */
export function findCatalogColumn(source: CatalogSource, requestedName: string): CatalogColumn | undefined {
  const plain = plainColumnName(requestedName);
  return source.columns.find(
    (column) => plainColumnName(column.requestName) === plain || column.header === requestedName,
  );
}

/** Requested names that no listed source knows: the request must be rejected with these. */
export function unknownColumnNames(keys: readonly CatalogKey[], requestedNames: readonly string[]): string[] {
  return requestedNames.filter((name) => !keys.some((key) => findCatalogColumn(CATALOG[key], name)));
}
