import { isSafeObjectName } from './object-name.util';

describe('isSafeObjectName', () => {
  it.each([
    'PrimeAwardSummariesAndSubawards_2024-01-01_H12M34S56789012.zip',
    'FY2020_All_Contracts_Full_20240101.zip',
    'file(1).csv',
    'a',
    '0.zip',
    'x'.repeat(255),
    'award_data_archive/FY2024_020_Contracts_Full_20240101.zip',
    'award_data_archive/FY(All)_All_Assistance_Delta_20240101.zip',
  ])('accepts %j', (name) => {
    expect(isSafeObjectName(name)).toBe(true);
  });

  it.each([
    '',
    '.',
    '..',
    '../x',
    '..%2Fpackage.json',
    '%2e%2e%2fpackage.json',
    'a/b',
    'a\\b',
    '/etc/passwd',
    'a..zip',
    '.hidden',
    '.x.zip.abc123.partial',
    '-leading-dash',
    '_leading_underscore',
    'with space.zip',
    'quote".zip',
    'tab\t.zip',
    'new\nline.zip',
    'nul\0.zip',
    'ünïcode.zip',
    'x'.repeat(256),
    'award_data_archive/',
    'award_data_archive/../x.zip',
    'award_data_archive/.x.zip.abc123.partial',
    'award_data_archive/a/b.zip',
    'other_folder/x.zip',
    '/award_data_archive/x.zip',
  ])('rejects %j', (name) => {
    expect(isSafeObjectName(name)).toBe(false);
  });
});
