import { CatalogColumn, CatalogSource, SourceKey } from './catalog.types';
import {
  ACCOUNT_BALANCES_FEDERAL_ACCOUNT_CATALOG,
  ACCOUNT_BALANCES_TREASURY_ACCOUNT_CATALOG,
  AWARD_D1_CATALOG,
  AWARD_D2_CATALOG,
  AWARD_FINANCIAL_FEDERAL_ACCOUNT_CATALOG,
  AWARD_FINANCIAL_TREASURY_ACCOUNT_CATALOG,
  ASSISTANCE_TRANSACTION_HISTORY_D2_CATALOG,
  COVID_PROFILE_AWARD_D1_CATALOG,
  COVID_PROFILE_AWARD_D2_CATALOG,
  COVID_PROFILE_OBJECT_CLASS_PROGRAM_ACTIVITY_TREASURY_ACCOUNT_CATALOG,
  COVID_PROFILE_SUB_AWARD_D1_CATALOG,
  COVID_PROFILE_SUB_AWARD_D2_CATALOG,
  DISASTER_RECIPIENT_RECIPIENT_CATALOG,
  GTAS_BALANCES_TREASURY_ACCOUNT_CATALOG,
  IDV_ORDERS_D1_CATALOG,
  IDV_TRANSACTION_HISTORY_D1_CATALOG,
  OBJECT_CLASS_PROGRAM_ACTIVITY_FEDERAL_ACCOUNT_CATALOG,
  OBJECT_CLASS_PROGRAM_ACTIVITY_TREASURY_ACCOUNT_CATALOG,
  SUB_AWARD_D1_CATALOG,
  SUB_AWARD_D2_CATALOG,
  TRANSACTION_D1_CATALOG,
  TRANSACTION_D2_CATALOG,
} from './generated';
import { plainColumnName } from './column-name.util';

const CATALOG: Readonly<Record<SourceKey, CatalogSource>> = {
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
  'gtas_balances.treasury_account': GTAS_BALANCES_TREASURY_ACCOUNT_CATALOG,
  'idv_orders.d1': IDV_ORDERS_D1_CATALOG,
  'idv_transaction_history.d1': IDV_TRANSACTION_HISTORY_D1_CATALOG,
  'assistance_transaction_history.d2': ASSISTANCE_TRANSACTION_HISTORY_D2_CATALOG,
  'disaster_recipient.recipient': DISASTER_RECIPIENT_RECIPIENT_CATALOG,
  'covid_profile_award.d1': COVID_PROFILE_AWARD_D1_CATALOG,
  'covid_profile_award.d2': COVID_PROFILE_AWARD_D2_CATALOG,
  'covid_profile_sub_award.d1': COVID_PROFILE_SUB_AWARD_D1_CATALOG,
  'covid_profile_sub_award.d2': COVID_PROFILE_SUB_AWARD_D2_CATALOG,
  'covid_profile_object_class_program_activity.treasury_account':
    COVID_PROFILE_OBJECT_CLASS_PROGRAM_ACTIVITY_TREASURY_ACCOUNT_CATALOG,
};

export function catalogFor(key: SourceKey): CatalogSource {
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
export function unknownColumnNames(keys: readonly SourceKey[], requestedNames: readonly string[]): string[] {
  return requestedNames.filter((name) => !keys.some((key) => findCatalogColumn(CATALOG[key], name)));
}
