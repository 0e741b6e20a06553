import {
  cleanSearchText,
  isJsonObject,
  parsePythonDate,
  parsePythonFloat,
  parsePythonInt,
  pythonLength,
  pythonStrip,
  pythonTruthy,
} from './python-coerce.util';

describe('parsePythonInt (int())', () => {
  it.each([
    [7, 7n],
    [-3, -3n],
    ['7', 7n],
    [' 7 ', 7n],
    ['\t+12\n', 12n],
    ['-0', 0n],
    ['007', 7n],
    ['1_000', 1000n],
    ['99999999999999999999', 99999999999999999999n],
  ])('%j → %p', (value, expected) => {
    expect(parsePythonInt(value)).toBe(expected);
  });

  it.each([
    [1.5],
    ['1.5'],
    ['wombats'],
    [''],
    ['1__0'],
    ['_1'],
    ['1_'],
    ['1 2'],
    [true],
    [null],
    [[1]],
    [{}],
  ])('refuses %j', (value) => {
    expect(parsePythonInt(value)).toBeUndefined();
  });
});

describe('parsePythonFloat (float())', () => {
  it.each([
    [1.5, 1.5],
    [3, 3],
    [true, 1],
    [false, 0],
    ['1.5', 1.5],
    [' -2.5e3 ', -2500],
    ['.5', 0.5],
    ['5.', 5],
    ['1_000.5', 1000.5],
    ['1E-2', 0.01],
  ])('%j → %p', (value, expected) => {
    expect(parsePythonFloat(value)).toBe(expected);
  });

  it('reads the special spellings Python knows', () => {
    expect(parsePythonFloat('inf')).toBe(Infinity);
    expect(parsePythonFloat('-Infinity')).toBe(-Infinity);
    expect(parsePythonFloat('NaN')).toBeNaN();
  });

  it.each([['abc'], [''], ['1.2.3'], ['e5'], ['1e'], ['0x10'], [null], [[1]], [{ a: 1 }]])(
    'refuses %j',
    (value) => {
      expect(parsePythonFloat(value)).toBeUndefined();
    },
  );
});

describe('parsePythonDate (strptime %Y-%m-%d)', () => {
  it.each([
    ['2020-01-05', '2020-01-05'],
    ['2020-1-5', '2020-01-05'],
    ['2020-12-31', '2020-12-31'],
    ['2020-02-29', '2020-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2020-01- 5', '2020-01-05'],
    ['0001-01-01', '0001-01-01'],
  ])('%j → %s', (value, expected) => {
    expect(parsePythonDate(value)).toBe(expected);
  });

  it.each([
    ['2020-13-01'],
    ['2019-02-29'],
    ['1900-02-29'],
    ['2020-04-31'],
    ['2020-00-10'],
    ['0000-01-01'],
    ['20-01-01'],
    ['20201-01-01'],
    ['2020/01/01'],
    ['2020-01-01T00:00:00'],
    [' 2020-01-01'],
    [20200101],
    [null],
  ])('refuses %j', (value) => {
    expect(parsePythonDate(value)).toBeUndefined();
  });
});

describe('text helpers', () => {
  it('strips Python whitespace but not a byte-order mark', () => {
    expect(pythonStrip(' \t\u3000x y\x1f\n')).toBe('x y');
    expect(pythonStrip('\ufeffx')).toBe('\ufeffx');
  });

  it('search clean-up removes control characters anywhere, then trims', () => {
    expect(cleanSearchText('  De\tfen\nse\r\v\b\f  ')).toBe('Defense');
  });

  it('measures length in code points', () => {
    expect(pythonLength('😀a')).toBe(2);
  });
});

describe('pythonTruthy / isJsonObject', () => {
  it.each([
    [null, false],
    [undefined, false],
    [false, false],
    [0, false],
    ['', false],
    [[], false],
    [{}, false],
    [true, true],
    [1, true],
    ['a', true],
    [[0], true],
    [{ a: 1 }, true],
  ])('truthy(%j) = %p', (value, expected) => {
    expect(pythonTruthy(value)).toBe(expected);
  });

  it('treats only non-null, non-array objects as JSON objects', () => {
    expect([{}, { a: 1 }, [], null, 'x'].map(isJsonObject)).toEqual([true, true, false, false, false]);
  });
});
