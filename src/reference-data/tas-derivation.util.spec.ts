import {
  abbreviationOf,
  deriveFederalAccounts,
  deriveSubtierAgencies,
  deriveToptierAgencies,
  tasRenderingLabel,
  TasListRow,
} from './tas-derivation.util';

const row = (overrides: Partial<TasListRow>): TasListRow => ({
  ACCT_NUM: '1',
  ATA: ' ',
  AID: '021',
  BPOA: '2015',
  EPOA: '2017',
  A: ' ',
  MAIN: '2035',
  SUB: '000',
  GWA_TAS_NAME: 'Other Procurement, Army',
  'Agency AID': '021',
  'Agency Name': 'Department of the Army',
  ADMIN_ORG: '00',
  'Admin Org Name': 'DEPARTMENT OF THE ARMY',
  'FR Entity Type': '',
  'FR Entity Description': '',
  'Function Code': '050',
  'Function Description': 'National Defense',
  'Sub Function Code': '051',
  'Sub Function Description': 'Department of Defense-Military',
  DT_TM_ESTAB: '',
  DT_END: '',
  ...overrides,
});

describe('TAS derivation', () => {
  it('renders TAS labels as the reference does', () => {
    expect(tasRenderingLabel(row({}))).toBe('021-2015/2017-2035-000');
    expect(tasRenderingLabel(row({ A: 'X', BPOA: ' ', EPOA: ' ', ATA: '097' }))).toBe('097-021-X-2035-000');
  });

  it('derives stable ids from codes, not from file order', () => {
    const rows = [
      row({ ACCT_NUM: '5', MAIN: '2035' }),
      row({ ACCT_NUM: '9', MAIN: '2035', GWA_TAS_NAME: 'Newer title' }),
    ];
    const [account] = deriveFederalAccounts(rows);
    expect(account).toEqual({
      id: 1,
      agencyIdentifier: '021',
      mainAccountCode: '2035',
      title: 'Newer title',
      code: '021-2035',
      parentToptierId: 22,
    });
    expect(deriveFederalAccounts([...rows].reverse())).toEqual([account]);
    expect(deriveToptierAgencies(rows)).toEqual([
      { id: 22, code: '021', abbreviation: 'DA', name: 'Department of the Army' },
    ]);
  });

  it('gives accounts without a bureau their own subtier and marks one subtier per agency as the toptier', () => {
    const subtiers = deriveSubtierAgencies([
      row({ ADMIN_ORG: '', 'Admin Org Name': ' ' }),
      row({ ADMIN_ORG: '04', 'Admin Org Name': 'Bureau' }),
    ]);
    expect(subtiers).toEqual([
      { id: 22004, code: '02104', name: 'Bureau', toptierId: 22, isToptierSelf: true },
      { id: 22100, code: '021XX', name: 'Department of the Army', toptierId: 22, isToptierSelf: false },
    ]);
  });

  it('abbreviates known departments and falls back to initials', () => {
    expect(abbreviationOf('Department of Defense')).toBe('DOD');
    expect(abbreviationOf('Corps of Engineers')).toBe('CE');
  });
});
