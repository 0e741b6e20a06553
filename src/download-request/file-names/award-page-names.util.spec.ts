import { awardPageFileBaseName, awardPageZipFileName, fileNameSlug } from './award-page-names.util';

const TS = '2026-12-01_H07M55S47457434';

describe('award-page file names', () => {
  it.each<[string | null, string]>([
    ['tc1piid', 'tc1piid'],
    ['N0002404C2105/ä x', 'N0002404C2105_a_x'],
    ['AGGURI 9', 'AGGURI_9'],
    ['__a--b__', 'a_b'],
    ['ééé', 'eee'],
    ['日本', 'UNKNOWN'],
    ['', 'UNKNOWN'],
    [null, 'UNKNOWN'],
    ['x'.repeat(60), 'x'.repeat(50)],
  ])('slug of %j is %j', (value, slug) => {
    expect(fileNameSlug(value)).toBe(slug);
  });

  it('names the zips IDV_, CONT_ and ASST_ with the slug and the timestamp', () => {
    expect(awardPageZipFileName('idv', 'tc1piid', TS)).toBe(`IDV_tc1piid_${TS}.zip`);
    expect(awardPageZipFileName('contract', 'N0002404C2105/ä x', TS)).toBe(
      `CONT_N0002404C2105_a_x_${TS}.zip`,
    );
    expect(awardPageZipFileName('assistance', 'AGGURI 9', TS)).toBe(`ASST_AGGURI_9_${TS}.zip`);
    expect(awardPageZipFileName('contract', null, TS)).toBe(`CONT_UNKNOWN_${TS}.zip`);
  });

  it('names inner files without timestamp', () => {
    expect(awardPageFileBaseName('idv', 'ABC123', 'Orders')).toBe('IDV_ABC123_Orders');
    expect(awardPageFileBaseName('contract', 'N0002404C2105', 'Sub-Awards')).toBe(
      'Contract_N0002404C2105_Sub-Awards',
    );
    expect(awardPageFileBaseName('assistance', null, 'TransactionHistory')).toBe(
      'Assistance_UNKNOWN_TransactionHistory',
    );
  });
});
