import { pythonFloatRepr, pythonRepr, pythonSetRepr, pythonStr, pythonStringRepr } from './python-repr.util';

describe('pythonFloatRepr', () => {
  it.each([
    [1.5, '1.5'],
    [100, '100.0'],
    [-2, '-2.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [0.1, '0.1'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1234567890123456, '1234567890123456.0'],
    [1e16, '1e+16'],
    [1.25e22, '1.25e+22'],
    [Number.MAX_VALUE, '1.7976931348623157e+308'],
    [-Number.MAX_VALUE, '-1.7976931348623157e+308'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
  ])('%p → %s', (value, expected) => {
    expect(pythonFloatRepr(value)).toBe(expected);
  });
});

describe('pythonStringRepr', () => {
  it.each([
    ['abc', "'abc'"],
    ["O'Brien", `"O'Brien"`],
    [`it's "x"`, `'it\\'s "x"'`],
    ['a\\b', "'a\\\\b'"],
    ['tab\there\nnew\rcr', "'tab\\there\\nnew\\rcr'"],
    ['\x00\x1f\x7f', "'\\x00\\x1f\\x7f'"],
    ['é ü 中', "'é ü 中'"],
    ['\u00a0\u200b', "'\\xa0\\u200b'"],
    ['😀', "'😀'"],
  ])('%j → %s', (value, expected) => {
    expect(pythonStringRepr(value)).toBe(expected);
  });
});

describe('pythonStr / pythonRepr', () => {
  it.each([
    ['wombats', 'wombats', "'wombats'"],
    [null, 'None', 'None'],
    [true, 'True', 'True'],
    [false, 'False', 'False'],
    [7, '7', '7'],
    [1.5, '1.5', '1.5'],
    [[], '[]', '[]'],
    [['a', 'b'], "['a', 'b']", "['a', 'b']"],
    [[1, null, true, 2.5], '[1, None, True, 2.5]', '[1, None, True, 2.5]'],
    [{}, '{}', '{}'],
    [{ start_date: '2020-01-01' }, "{'start_date': '2020-01-01'}", "{'start_date': '2020-01-01'}"],
    [{ require: [['A', 'B']], n: { x: null } }, "{'require': [['A', 'B']], 'n': {'x': None}}", undefined],
  ])('%j', (value, str, repr) => {
    expect(pythonStr(value)).toBe(str);
    if (repr !== undefined) expect(pythonRepr(value)).toBe(repr);
  });

  it('cuts off hostile nesting instead of overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(pythonRepr(deep)).toBe(`${'['.repeat(100)}[...]${']'.repeat(100)}`);
  });

  it('prints integral numbers beyond 2^53 with all their digits, like a Python int', () => {
    expect(pythonStr(1e20)).toBe('100000000000000000000');
  });
});

describe('pythonSetRepr', () => {
  it.each([
    [[], 'set()'],
    [['not_a_real_filter'], "{'not_a_real_filter'}"],
    [['a', 'b'], "{'a', 'b'}"],
  ])('%j → %s', (items, expected) => {
    expect(pythonSetRepr(items)).toBe(expected);
  });
});
