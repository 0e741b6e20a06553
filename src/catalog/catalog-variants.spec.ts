import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogFor } from './catalog-lookup.util';
import { SourceKey, VARIANT_CATALOG_KEYS } from './catalog.types';

const profileHeaders = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'data', 'covid-profile-headers.json'), 'utf8'),
) as Record<string, string[]>;
const columnsJson = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'data', 'columns.json'), 'utf8'),
) as Record<string, Record<string, { header: string }[]>>;

const sqlOf = (key: SourceKey, header: string): string | undefined =>
  catalogFor(key).columns.find((column) => column.header === header)?.sql;

/** Headers whose expression differs between two catalogs with the same headers. */
const differing = (a: SourceKey, b: SourceKey): string[] =>
  catalogFor(a).headers.filter((header) => sqlOf(a, header) !== sqlOf(b, header));

describe('catalog variants', () => {
  it.each(VARIANT_CATALOG_KEYS)('%s has unique headers, each with SQL, and a matching key', (key) => {
    const source = catalogFor(key);
    expect(source.key).toBe(key);
    expect(source.columns.map((column) => column.header)).toEqual(source.headers);
    expect(new Set(source.headers).size).toBe(source.headers.length);
    for (const column of source.columns) expect(column.sql.trim()).not.toBe('');
  });

  it.each([
    ['covid_profile_award.d1', 280],
    ['covid_profile_award.d2', 94],
    ['covid_profile_sub_award.d1', 117],
    ['covid_profile_sub_award.d2', 112],
  ] as const)('%s has the profile file headers, in order (%i)', (key, count) => {
    expect(catalogFor(key).headers).toEqual(profileHeaders[key]);
    expect(catalogFor(key).headers).toHaveLength(count);
  });

  it("the profile's File B is the treasury-account File B without the reporting key", () => {
    const fileB = catalogFor('object_class_program_activity.treasury_account').headers;
    expect(catalogFor('covid_profile_object_class_program_activity.treasury_account').headers).toEqual(
      fileB.filter((header) => header !== 'program_activity_reporting_key'),
    );
  });

  it('IDV orders differ from award.d1 only in the object classes, which lack the guard', () => {
    expect(catalogFor('idv_orders.d1').headers).toEqual(catalogFor('award.d1').headers);
    expect(differing('idv_orders.d1', 'award.d1')).toEqual(['object_classes_funding_this_award']);
    expect(sqlOf('idv_orders.d1', 'object_classes_funding_this_award')).toBe(
      'faba_award.object_classes_unguarded',
    );
  });

  it.each([
    ['idv_transaction_history.d1', 'transaction.d1'],
    ['assistance_transaction_history.d2', 'transaction.d2'],
  ] as const)('%s gates the four supplemental amounts on the action date', (variant, base) => {
    expect(catalogFor(variant).headers).toEqual(catalogFor(base).headers);
    expect(differing(variant, base).sort()).toEqual(
      [
        'obligated_amount_from_COVID-19_supplementals_for_overall_award',
        'obligated_amount_from_IIJA_supplemental_for_overall_award',
        'outlayed_amount_from_COVID-19_supplementals_for_overall_award',
        'outlayed_amount_from_IIJA_supplemental_for_overall_award',
      ].sort(),
    );
    const covid = 'outlayed_amount_from_COVID-19_supplementals_for_overall_award';
    expect(sqlOf(variant, covid)).toBe(
      `CASE WHEN transaction_search.action_date >= DATE '2020-04-01' THEN ${sqlOf(base, covid)} END`,
    );
    expect(sqlOf(variant, 'obligated_amount_from_IIJA_supplemental_for_overall_award')).toMatch(
      /^CASE WHEN transaction_search\.action_date >= DATE '2021-11-15' THEN /,
    );
  });

  it('the recipient file has the columns.json headers and groups by name and DUNS', () => {
    const recipient = catalogFor('disaster_recipient.recipient');
    expect(recipient.headers).toEqual(columnsJson.disaster_recipient.recipient.map((entry) => entry.header));
    expect(recipient.groupBy).toEqual(['award_search.recipient_name', 'award_search.recipient_unique_id']);
  });

  it('the profile files link to the public website and read the COVID-19 aggregates', () => {
    expect(sqlOf('covid_profile_award.d1', 'usaspending_permalink')).toContain(
      "'https://www.usaspending.gov/award/'",
    );
    expect(sqlOf('covid_profile_award.d2', 'disaster_emergency_fund_codes')).toBe('covid_award.def_codes');
    expect(sqlOf('covid_profile_sub_award.d1', 'outlayed_amount_from_IIJA_supplemental')).toBe(
      'iija_award.outlays',
    );
    expect(catalogFor('covid_profile_award.d1').fromClause).toMatch(/INNER JOIN \(SELECT faba\.award_id/);
  });
});
