import { ArchiveArgsError, parseArchiveArgs } from './archive-cli-args.util';

describe('parseArchiveArgs', () => {
  it('defaults to every year, agency and type, full and delta', () => {
    expect(parseArchiveArgs([])).toEqual({
      fiscalYears: undefined,
      agencyCodes: undefined,
      types: ['contracts', 'assistance'],
      full: true,
      delta: true,
    });
    expect(parseArchiveArgs(['--fy', 'all']).fiscalYears).toBeUndefined();
  });

  it('reads values after the flag or after =', () => {
    expect(
      parseArchiveArgs([
        '--fy',
        '2024',
        '--agencies=020, All',
        '--types',
        'Assistance',
        '--since=2024-05-01',
      ]),
    ).toEqual({
      fiscalYears: [2024],
      agencyCodes: ['020', 'All'],
      types: ['assistance'],
      full: true,
      delta: true,
      since: '2024-05-01',
    });
    expect(parseArchiveArgs(['--fy=2023,2024', '--full-only'])).toMatchObject({
      fiscalYears: [2023, 2024],
      full: true,
      delta: false,
    });
    expect(parseArchiveArgs(['--delta-only'])).toMatchObject({ full: false, delta: true });
  });

  it.each([
    [['--fy'], '--fy needs a value'],
    [['--fy', '--full-only'], '--fy needs a value'],
    [['--fy', '24'], '--fy: "24" is not a fiscal year'],
    [['--types', 'loans'], '--types: "loans" is not contracts or assistance'],
    [['--since', '05/01/2024'], '--since must be YYYY-MM-DD'],
    [['--full-only', '--delta-only'], '--full-only and --delta-only exclude each other'],
    [['--year', '2024'], 'Unknown option --year'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArchiveArgs(argv)).toThrow(new ArchiveArgsError(message));
  });
});
