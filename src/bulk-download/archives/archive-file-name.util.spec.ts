import {
  archiveDateStamp,
  archiveFileName,
  archiveObjectName,
  archiveUpdatedDate,
  deltaArchiveName,
  fullArchiveName,
} from './archive-file-name.util';

describe('archive file names (docs/compatibility.md#monthly-archives)', () => {
  const stamp = archiveDateStamp(new Date('2024-06-15T23:59:59Z'));

  it('names full and delta archives as the reference does', () => {
    expect(stamp).toBe('20240615');
    expect(fullArchiveName(2024, '020', 'contracts', stamp)).toBe('FY2024_020_Contracts_Full_20240615.zip');
    expect(fullArchiveName(2024, 'All', 'assistance', stamp)).toBe('FY2024_All_Assistance_Full_20240615.zip');
    expect(deltaArchiveName('All', 'contracts', stamp)).toBe('FY(All)_All_Contracts_Delta_20240615.zip');
  });

  it('keeps archives in the award_data_archive storage folder', () => {
    const objectName = archiveObjectName('FY2024_020_Contracts_Full_20240615.zip');
    expect(objectName).toBe('award_data_archive/FY2024_020_Contracts_Full_20240615.zip');
    expect(archiveFileName(objectName)).toBe('FY2024_020_Contracts_Full_20240615.zip');
  });

  it.each<[string, string, 'Full' | 'Delta', string | undefined]>([
    ['FY2024_020_Contracts_Full_20240615.zip', 'FY2024_020_Contracts', 'Full', '2024-06-15'],
    ['FY(All)_020_Contracts_Delta_20240615.zip', 'FY(All)_020_Contracts', 'Delta', '2024-06-15'],
    ['FY2024_0200_Contracts_Full_20240615.zip', 'FY2024_020_Contracts', 'Full', undefined],
    ['FY2024_020_Contracts_Full_2024061.zip', 'FY2024_020_Contracts', 'Full', undefined],
    ['FY2024_020_Contracts_Delta_20240615.zip', 'FY2024_020_Contracts', 'Full', undefined],
  ])('reads the date of %s', (name, prefix, kind, expected) => {
    expect(archiveUpdatedDate(name, prefix, kind)).toBe(expected);
  });
});
