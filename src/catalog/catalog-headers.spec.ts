import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogFor, findCatalogColumn, unknownColumnNames } from './catalog-lookup.util';
import { CATALOG_KEYS, CatalogKey } from './catalog.types';

interface Entry {
  header: string;
  request_name?: string;
}
const columnsJson = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'data', 'columns.json'), 'utf8'),
) as Record<string, Record<string, Entry[]>>;
const referenceList = (key: CatalogKey): Entry[] => {
  const [fileType, level] = key.split('.');
  return columnsJson[fileType][level];
};

const EXPECTED_COUNTS: Record<CatalogKey, number> = {
  'award.d1': 286,
  'award.d2': 100,
  'transaction.d1': 297,
  'transaction.d2': 112,
  'sub_award.d1': 118,
  'sub_award.d2': 113,
  'account_balances.treasury_account': 32,
  'account_balances.federal_account': 22,
  'object_class_program_activity.treasury_account': 59,
  'object_class_program_activity.federal_account': 49,
  'award_financial.treasury_account': 90,
  'award_financial.federal_account': 80,
  'gtas_balances.treasury_account': 35,
};

describe('column catalog headers', () => {
  it.each(CATALOG_KEYS)('%s has the exact headers of data/columns.json, in order', (key) => {
    const source = catalogFor(key);
    const expected = referenceList(key).map((entry) => entry.header);
    expect(source.headers).toEqual(expected);
    expect(source.columns.map((column) => column.header)).toEqual(expected);
    expect(source.headers).toHaveLength(EXPECTED_COUNTS[key]);
    expect(new Set(source.headers).size).toBe(source.headers.length);
  });

  it.each(CATALOG_KEYS)('%s carries the request names of data/columns.json', (key) => {
    const expected = referenceList(key).map((entry) => entry.request_name ?? entry.header);
    expect(catalogFor(key).columns.map((column) => column.requestName)).toEqual(expected);
  });

  it.each(CATALOG_KEYS)(
    '%s has an SQL expression for every column, and aggregations only at federal level',
    (key) => {
      const source = catalogFor(key);
      for (const column of source.columns) expect(column.sql.trim()).not.toBe('');
      const aggregated = source.columns.filter((column) => column.aggregation !== undefined);
      expect(aggregated.length).toBe(key.endsWith('federal_account') ? source.columns.length : 0);
      expect(source.fromClause).toMatch(new RegExp(`^FROM ${source.baseTable} AS `));
    },
  );

  it('accepts both spellings of the two conflicting names and reports unknown ones', () => {
    const award = catalogFor('award.d1');
    expect(findCatalogColumn(award, 'disaster_emergency_fund_codes')?.header).toBe(
      'disaster_emergency_fund_codes',
    );
    expect(findCatalogColumn(award, 'disaster_emergency_fund_codes_NAMING_CONFLICT_SUFFIX')?.header).toBe(
      'disaster_emergency_fund_codes',
    );
    expect(
      unknownColumnNames(
        ['account_balances.treasury_account', 'award_financial.treasury_account'],
        ['last_modified_date_NAMING_CONFLICT_SUFFIX', 'transaction_obligated_amount', 'not_a_column'],
      ),
    ).toEqual(['not_a_column']);
  });

  it('reads the fixed sources instead of the reference mapping bugs (docs/compatibility.md#column-mapping-fixes)', () => {
    const sqlOf = (key: CatalogKey, header: string): string | undefined =>
      catalogFor(key).columns.find((column) => column.header === header)?.sql;
    expect(sqlOf('award.d1', 'government_furnished_property')).toBe(
      'latest_transaction.government_furnished_desc',
    );
    expect(sqlOf('award_financial.treasury_account', 'recipient_parent_duns')).toBe(
      'latest_transaction.parent_recipient_unique_id',
    );
    expect(
      sqlOf(
        'object_class_program_activity.treasury_account',
        'obligations_delivered_orders_unpaid_total_FYB',
      ),
    ).toMatch(/\.obligations_delivered_orders_unpaid_total_fyb$/);
    expect(
      sqlOf(
        'object_class_program_activity.federal_account',
        'gross_outlays_undelivered_orders_prepaid_total_FYB',
      ),
    ).toMatch(/^SUM\(\w+\.gross_outlays_undelivered_orders_prepaid_total_fyb\)$/);
  });
});
