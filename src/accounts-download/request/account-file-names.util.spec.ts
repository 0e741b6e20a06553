import {
  accountInnerFileBaseName,
  accountZipFileName,
  agencyNamePart,
  dataQuarters,
} from './account-file-names.util';

describe('dataQuarters (docs/compatibility.md#zip-file-names)', () => {
  it.each<[number, number | null, number | null, string]>([
    [2017, 4, null, 'FY2017Q1-Q4'],
    [2017, 1, null, 'FY2017Q1'],
    [2018, 2, null, 'FY2018Q1-Q2'],
    [2021, 4, 12, 'FY2021P01-P12'],
    [2021, 3, null, 'FY2021P01-Q3'],
    [2021, 3, 7, 'FY2021P01-P07'],
    [2020, 3, 9, 'FY2020Q1-P09'],
    [2020, 2, null, 'FY2020Q1-Q2'],
    [2022, 1, 1, 'FY2022P01'],
    // Where the reference prints FY2019Q1-QNone, the period is named instead.
    [2019, null, 2, 'FY2019Q1-P02'],
  ])('fy %i quarter %p period %p → %s', (fy, quarter, period, expected) => {
    expect(dataQuarters(fy, quarter, period)).toBe(expected);
  });
});

describe('agencyNamePart', () => {
  const byId = { toptierCodeOfId: '020', abbreviationExists: false };
  it.each<[string, Parameters<typeof agencyNamePart>[1], string]>([
    ['all', null, 'All'],
    ['ALL', null, 'All'],
    ['50', byId, '020'],
    ['999', { toptierCodeOfId: null, abbreviationExists: false }, 'All'],
    ['BOS', { toptierCodeOfId: null, abbreviationExists: true }, 'BOS'],
    ['A/B C', { toptierCodeOfId: null, abbreviationExists: true }, 'A_B_C'],
  ])('%s → %s', (agency, match, expected) => {
    expect(agencyNamePart(agency, match)).toBe(expected);
  });
});

describe('account file names', () => {
  const ts = '2020-01-13_H21M05S48397603';
  it('names the zip after the one type, or AccountData for several', () => {
    const parts = {
      dataQuarters: 'FY2018Q1-Q2',
      agency: '020',
      level: 'treasury_account' as const,
      timestamp: ts,
    };
    expect(accountZipFileName({ ...parts, submissionTypes: ['award_financial'] })).toBe(
      `FY2018Q1-Q2_020_TAS_AccountBreakdownByAward_${ts}.zip`,
    );
    expect(
      accountZipFileName({ ...parts, level: 'federal_account', submissionTypes: ['account_balances'] }),
    ).toBe(`FY2018Q1-Q2_020_FA_AccountBalances_${ts}.zip`);
    expect(accountZipFileName({ ...parts, submissionTypes: ['object_class_program_activity'] })).toBe(
      `FY2018Q1-Q2_020_TAS_AccountBreakdownByPA-OC_${ts}.zip`,
    );
    expect(
      accountZipFileName({
        ...parts,
        submissionTypes: ['award_financial', 'account_balances', 'award_financial'],
      }),
    ).toBe(`FY2018Q1-Q2_020_TAS_AccountData_${ts}.zip`);
  });

  it('names inner files with All and the File C group', () => {
    const parts = { dataQuarters: 'FY2021P01-P07', timestamp: '2024-05-20_H15M33S55' };
    expect(
      accountInnerFileBaseName({
        ...parts,
        level: 'treasury_account',
        submissionType: 'account_balances',
        group: '',
      }),
    ).toBe('FY2021P01-P07_All_TAS_AccountBalances_2024-05-20_H15M33S55');
    expect(
      accountInnerFileBaseName({
        ...parts,
        level: 'federal_account',
        submissionType: 'award_financial',
        group: 'Contracts_',
      }),
    ).toBe('FY2021P01-P07_All_FA_Contracts_AccountBreakdownByAward_2024-05-20_H15M33S55');
  });
});
