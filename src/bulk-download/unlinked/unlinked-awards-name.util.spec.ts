import {
  sanitizedAgencyName,
  unlinkedArchiveObjectName,
  unlinkedArchivePrefix,
  withoutUnlinkedFolder,
} from './unlinked-awards-name.util';
import { isSafeObjectName } from '../../storage/object-name.util';

describe('unlinked-awards archive names', () => {
  it.each([
    ['Department of Veterans Affairs', 'Department_of_Veterans_Affairs'],
    ['U.S. Agency for Global Media', 'U_S__Agency_for_Global_Media'],
    ['Office of the U.S. Trade Representative (USTR)', 'Office_of_the_U_S__Trade_Representative__USTR_'],
    ["Children's Agency & Co-op/Plan", 'Children_s_Agency___Co_op_Plan'],
    // The reference keeps the comma; a storage object name cannot hold it.
    ['Revenue and Outlays, District of Columbia', 'Revenue_and_Outlays__District_of_Columbia'],
  ])('%s → %s', (name, sanitized) => {
    expect(sanitizedAgencyName(name)).toBe(sanitized);
  });

  it('puts the archives in unlinked_awards_downloads/ under safe names, listed without the folder', () => {
    const name = unlinkedArchiveObjectName(
      'Revenue and Outlays, District of Columbia',
      '2024-02-11_H21M34S39790417',
    );
    expect(name).toBe(
      'unlinked_awards_downloads/Revenue_and_Outlays__District_of_Columbia_UnlinkedAwards_2024-02-11_H21M34S39790417.zip',
    );
    expect(name.startsWith(unlinkedArchivePrefix('Revenue and Outlays, District of Columbia'))).toBe(true);
    expect(isSafeObjectName(name)).toBe(true);
    expect(withoutUnlinkedFolder(name)).toBe(
      'Revenue_and_Outlays__District_of_Columbia_UnlinkedAwards_2024-02-11_H21M34S39790417.zip',
    );
  });
});
