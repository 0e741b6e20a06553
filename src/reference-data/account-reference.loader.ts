import type { ReferenceTableLoad } from './reference-data.loader';
import { readReferenceCsv, usDateToIso } from './reference-files.util';
import {
  blankToNull,
  deriveBudgetFunctions,
  deriveCgacs,
  deriveFederalAccounts,
  deriveSubtierAgencies,
  deriveToptierAgencies,
  federalAccountIdOf,
  federalAccountIds,
  tasRenderingLabel,
  TasListRow,
  toptierIdOf,
} from './tas-derivation.util';

/** Agencies, CGAC codes, federal accounts, TAS and budget functions, all derived from tas_list.csv. */
export function accountTableLoads(): ReferenceTableLoad[] {
  const tas = readReferenceCsv<TasListRow>('tas_list.csv');
  const subtiers = deriveSubtierAgencies(tas);
  const accountIds = federalAccountIds(tas);
  return [
    {
      table: 'toptier_agency',
      key: ['toptier_agency_id'],
      columns: ['toptier_agency_id', 'toptier_code', 'abbreviation', 'name'],
      rows: deriveToptierAgencies(tas).map((a) => [a.id, a.code, a.abbreviation, a.name]),
    },
    {
      table: 'subtier_agency',
      key: ['subtier_agency_id'],
      columns: ['subtier_agency_id', 'subtier_code', 'name'],
      rows: subtiers.map((s) => [s.id, s.code, s.name]),
    },
    {
      // One `agency` per bureau, with the bureau's id: agency filters then resolve without a lookup table.
      table: 'agency',
      key: ['id'],
      columns: ['id', 'toptier_agency_id', 'subtier_agency_id', 'toptier_flag', 'user_selectable'],
      rows: subtiers.map((s) => [s.id, s.toptierId, s.id, s.isToptierSelf, true]),
    },
    {
      table: 'cgac',
      key: ['cgac_code'],
      columns: ['cgac_code', 'agency_name'],
      rows: deriveCgacs(tas).map((c) => [c.code, c.name]),
    },
    {
      table: 'federal_account',
      key: ['id'],
      columns: [
        'id',
        'agency_identifier',
        'main_account_code',
        'account_title',
        'federal_account_code',
        'parent_toptier_agency_id',
      ],
      rows: deriveFederalAccounts(tas).map((f) => [
        f.id,
        f.agencyIdentifier,
        f.mainAccountCode,
        f.title,
        f.code,
        f.parentToptierId,
      ]),
    },
    {
      table: 'treasury_appropriation_account',
      key: ['treasury_account_identifier'],
      columns: TAS_COLUMNS,
      rows: tas.map((row) => tasRow(row, accountIds)),
    },
    {
      table: 'budget_function',
      key: ['budget_subfunction_code'],
      columns: [
        'budget_subfunction_code',
        'budget_subfunction_title',
        'budget_function_code',
        'budget_function_title',
      ],
      rows: deriveBudgetFunctions(tas).map((b) => [
        b.subfunctionCode,
        b.subfunctionTitle,
        b.functionCode,
        b.functionTitle,
      ]),
    },
  ];
}

const TAS_COLUMNS = [
  'treasury_account_identifier',
  'federal_account_id',
  'funding_toptier_agency_id',
  'awarding_toptier_agency_id',
  'data_source',
  'tas_rendering_label',
  'allocation_transfer_agency_id',
  'agency_id',
  'beginning_period_of_availability',
  'ending_period_of_availability',
  'availability_type_code',
  'main_account_code',
  'sub_account_code',
  'account_title',
  'budget_bureau_code',
  'budget_bureau_name',
  'fr_entity_code',
  'fr_entity_description',
  'budget_function_code',
  'budget_function_title',
  'budget_subfunction_code',
  'budget_subfunction_title',
  'internal_start_date',
  'internal_end_date',
];

function tasRow(row: TasListRow, accountIds: ReadonlyMap<string, number>): (string | number | null)[] {
  const owner = toptierIdOf(row['Agency AID']);
  return [
    Number(row.ACCT_NUM),
    federalAccountIdOf(accountIds, row),
    owner,
    owner,
    'USA',
    tasRenderingLabel(row),
    blankToNull(row.ATA),
    row.AID,
    blankToNull(row.BPOA),
    blankToNull(row.EPOA),
    blankToNull(row.A),
    row.MAIN,
    row.SUB,
    blankToNull(row.GWA_TAS_NAME),
    blankToNull(row.ADMIN_ORG),
    blankToNull(row['Admin Org Name']),
    blankToNull(row['FR Entity Type']),
    blankToNull(row['FR Entity Description']),
    blankToNull(row['Function Code']),
    blankToNull(row['Function Description']),
    blankToNull(row['Sub Function Code']),
    blankToNull(row['Sub Function Description']),
    usDateToIso(row.DT_TM_ESTAB),
    usDateToIso(row.DT_END),
  ];
}
