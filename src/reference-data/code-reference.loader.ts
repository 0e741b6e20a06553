import type { ReferenceTableLoad } from './reference-data.loader';
import { readReferenceCsv, usDateToIso } from './reference-files.util';
import { blankToNull } from './tas-derivation.util';

/** Code lists, object classes, program activities, DEF codes and submission windows. */
export function codeTableLoads(): ReferenceTableLoad[] {
  return [
    {
      table: 'ref_country_code',
      key: ['country_code'],
      columns: ['country_code', 'country_name'],
      rows: readReferenceCsv('country_code.csv').map((r) => [r.country_code, r.country_name]),
    },
    {
      table: 'state_data',
      key: ['id'],
      columns: [
        'id',
        'fips',
        'code',
        'name',
        'type',
        'year',
        'population',
        'pop_source',
        'median_household_income',
        'mhi_source',
      ],
      rows: readReferenceCsv('CensusStateData.csv').map((r) => {
        const fips = r.FIPS.padStart(2, '0');
        return [
          `${fips}-${r.Year}`,
          fips,
          r.Code,
          r.Name,
          r.Type,
          Number(r.Year),
          blankToNull(r.Population),
          r['Population Source'],
          blankToNull(r['Median Household Income']),
          r['Median Household Income Source'],
        ];
      }),
    },
    {
      // Mac Roman in the source data (0x96 is ñ: "Doña Ana", "Cañon City").
      table: 'ref_city_county_state_code',
      key: ['id'],
      columns: [
        'id',
        'state_alpha',
        'county_numeric',
        'county_name',
        'city_code',
        'city_name',
        'type_of_area',
      ],
      rows: readReferenceCsv('ref_city_county_code.csv', 'macintosh').map((r, index) => [
        index + 1,
        r.state_code,
        blankToNull(r.county_code)?.padStart(3, '0') ?? null,
        blankToNull(r.county_name),
        blankToNull(r.city_code)?.padStart(5, '0') ?? null,
        blankToNull(r.city_name),
        blankToNull(r.type_of_area),
      ]),
    },
    {
      table: 'psc',
      key: ['code'],
      columns: [
        'code',
        'description',
        'start_date',
        'end_date',
        'full_name',
        'excludes',
        'notes',
        'includes',
      ],
      rows: readReferenceCsv('psc_codes.csv').map((r) => [
        r['PSC CODE'],
        blankToNull(r['PRODUCT AND SERVICE CODE NAME']),
        usDateToIso(r['START DATE']),
        usDateToIso(r['END DATE']),
        blankToNull(r['PRODUCT AND SERVICE CODE FULL NAME']),
        blankToNull(r['PRODUCT AND SERVICE CODE EXCLUDES']),
        blankToNull(r['PRODUCT AND SERVICE CODE NOTES']),
        blankToNull(r['PRODUCT AND SERVICE CODE INICLUDES']),
      ]),
    },
    {
      table: 'naics',
      key: ['code'],
      columns: ['code', 'description', 'year'],
      rows: readReferenceCsv('naics.csv').map((r) => [r.code, r.description, Number(r.year)]),
    },
    {
      table: 'object_class',
      key: ['id'],
      columns: [
        'id',
        'major_object_class',
        'major_object_class_name',
        'object_class',
        'object_class_name',
        'direct_reimbursable',
        'direct_reimbursable_name',
      ],
      rows: readReferenceCsv('object_class.csv').map((r, index) => [
        index + 1,
        r.major_object_class,
        r.major_object_class_name,
        r.object_class,
        r.object_class_name,
        blankToNull(r.direct_reimbursable),
        blankToNull(r.direct_reimbursable_name),
      ]),
    },
    {
      table: 'ref_program_activity',
      key: ['id'],
      columns: [
        'id',
        'program_activity_code',
        'program_activity_name',
        'budget_year',
        'responsible_agency_id',
        'allocation_transfer_agency_id',
        'main_account_code',
      ],
      rows: readReferenceCsv('program_activity.csv').map((r, index) => [
        index + 1,
        r.pa_code.trim().padStart(4, '0'),
        r.pa_name.trim(),
        r.year,
        r.agency_id.trim().padStart(3, '0'),
        blankToNull(r.alloc_id)?.padStart(3, '0') ?? null,
        r.account.trim().padStart(4, '0'),
      ]),
    },
    {
      table: 'disaster_emergency_fund_code',
      key: ['code'],
      columns: ['code', 'public_law', 'title', 'group_name', 'earliest_public_law_enactment_date'],
      rows: readReferenceCsv('disaster_emergency_fund_code.csv').map((r) => [
        r.code,
        r.public_law,
        r.title,
        blankToNull(r.group_name),
        blankToNull(r.earliest_public_law_enactment_date),
      ]),
    },
    {
      table: 'dabs_submission_window_schedule',
      key: ['id'],
      columns: DABS_COLUMNS,
      rows: readReferenceCsv('dabs_submission_window_schedule.csv').map((r) => [
        ...DABS_COLUMNS.slice(0, 7).map((column) => r[column]),
        Number(r.submission_fiscal_year),
        Number(r.submission_fiscal_quarter),
        Number(r.submission_fiscal_month),
        r.is_quarter === 'True',
      ]),
    },
  ];
}

const DABS_COLUMNS = [
  'id',
  'period_start_date',
  'period_end_date',
  'submission_start_date',
  'submission_due_date',
  'certification_due_date',
  'submission_reveal_date',
  'submission_fiscal_year',
  'submission_fiscal_quarter',
  'submission_fiscal_month',
  'is_quarter',
];
