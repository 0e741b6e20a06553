import { JsonValue } from '../tinyshield/tinyshield-rule.types';
import { orderNested } from './canonical-order.util';
import { compareCodePoints, comparePython } from './python-compare.util';

describe('orderNested (docs/compatibility.md#canonical-download-request)', () => {
  it.each<[string, JsonValue, JsonValue]>([
    ['sorts scalar lists and keeps duplicates', ['b', 'a', 'b'], ['a', 'b', 'b']],
    [
      'sorts strings by code point (- before 0)',
      ['IDV_A', '02', '-1', 'A', 'F001'],
      ['-1', '02', 'A', 'F001', 'IDV_A'],
    ],
    ['sorts numbers numerically', [10, 9, 100], [9, 10, 100]],
    ['sorts lists of lists inside and out', [['b', 'a'], ['a']], [['a'], ['a', 'b']]],
    ['leaves scalars alone', 'x', 'x'],
  ])('%s', (_name, input, expected) => {
    expect(orderNested(input)).toEqual(expected);
  });

  it('sorts object keys at every depth', () => {
    const ordered = orderNested({ b: { z: 1, a: 2 }, a: 1 });
    expect(JSON.stringify(ordered)).toBe('{"a":1,"b":{"a":2,"z":1}}');
  });

  it('sorts lists of objects by their rendered key and collapses identical ones', () => {
    const agencies: JsonValue = [
      { type: 'funding', tier: 'toptier', name: 'B' },
      { type: 'awarding', tier: 'toptier', name: 'A' },
      { type: 'funding', tier: 'toptier', name: 'B' },
    ];
    // Keys: "['nameA', 'tiertoptier', 'typeawarding']" < "['nameB', ...]".
    expect(JSON.stringify(orderNested(agencies))).toBe(
      '[{"name":"A","tier":"toptier","type":"awarding"},{"name":"B","tier":"toptier","type":"funding"}]',
    );
  });

  it('orders time periods by their rendered members (end_date first)', () => {
    const periods: JsonValue = [
      { start_date: '2019-10-01', end_date: '2020-09-30' },
      { start_date: '2018-10-01', end_date: '2019-09-30' },
      { start_date: '2017-10-01' },
    ];
    expect(orderNested(periods)).toEqual([
      { end_date: '2019-09-30', start_date: '2018-10-01' },
      { end_date: '2020-09-30', start_date: '2019-10-01' },
      { start_date: '2017-10-01' },
    ]);
  });

  it('collapses objects whose renderings match even when the value types differ, like the reference', () => {
    expect(orderNested([{ lower_bound: 1 }, { lower_bound: '1' }])).toEqual([{ lower_bound: '1' }]);
  });

  it('keeps inner paths of filter trees positional but sorts their outer lists', () => {
    const filters: JsonValue = {
      psc_codes: {
        require: [
          ['Service', 'B', 'B5'],
          ['Product', 'A'],
        ],
        exclude: [['Service', 'B', 'B5', 'B502']],
      },
      naics_codes: { require: [33, 11] },
      tas_codes: [{ main: '2', aid: '1' }],
    };
    expect(JSON.stringify(orderNested(filters))).toBe(
      JSON.stringify({
        naics_codes: { require: [11, 33] },
        psc_codes: {
          exclude: [['Service', 'B', 'B5', 'B502']],
          require: [
            ['Product', 'A'],
            ['Service', 'B', 'B5'],
          ],
        },
        tas_codes: [{ aid: '1', main: '2' }],
      }),
    );
  });

  it('sorts list-form psc_codes like any scalar list', () => {
    expect(orderNested({ psc_codes: ['B5', 'A1'] })).toEqual({ psc_codes: ['A1', 'B5'] });
  });
});

describe('Python ordering helpers', () => {
  it('compares code points, not UTF-16 units', () => {
    // U+FF61 sorts before U+1F600 by code point, after it by UTF-16 unit (0xD83D).
    expect(compareCodePoints('\uff61', '😀')).toBeLessThan(0);
    expect(['😀', '\uff61'].sort(compareCodePoints)).toEqual(['\uff61', '😀']);
  });

  it.each<[unknown, unknown, number]>([
    ['a', 'b', -1],
    ['ab', 'a', 1],
    [2, 10, -1],
    [false, 1, -1],
    [[1, 2], [1, 3], -1],
    [[1], [1, 0], -1],
    ['x', 'x', 0],
  ])('compare(%j, %j) has sign %p', (left, right, sign) => {
    expect(Math.sign(comparePython(left, right))).toBe(sign);
  });
});
