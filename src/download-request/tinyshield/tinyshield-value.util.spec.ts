import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { validateOne as check } from '../../../test/download-request/validate-one';
import { ValueRule } from './tinyshield-rule.types';

const bounded: ValueRule = { type: 'integer', min: 1, max: 500000 };
const textList: ValueRule = { type: 'array', items: { type: 'text' } };
const oneText: ValueRule = { type: 'object', members: { a: { type: 'text' } } };

describe('value rules: accepted values (docs/compatibility.md#request-validation-messages)', () => {
  // prettier-ignore
  it.each<[string, ValueRule, unknown, unknown]>([
    ['integer from a JSON int', { type: 'integer' }, 7, 7],
    ['integer from a padded string', { type: 'integer' }, ' 7 ', 7],
    ['integer with separators', { type: 'integer' }, '1_000', 1000],
    ['float from an int', { type: 'float' }, 3, 3],
    ['float from a string', { type: 'float' }, '2.5', 2.5],
    ['boolean true', { type: 'boolean' }, true, true],
    ['boolean "T"', { type: 'boolean' }, 'T', true],
    ['boolean 1', { type: 'boolean' }, 1, true],
    ['boolean "FALSE"', { type: 'boolean' }, 'FALSE', false],
    ['boolean "0"', { type: 'boolean' }, '0', false],
    ['search text trimmed', { type: 'text' }, '  a\tb \n', 'ab'],
    ['raw text kept', { type: 'text', textType: 'raw' }, ' a ', ' a '],
    ['enum', { type: 'enum', values: ['csv', 'tsv'] }, 'tsv', 'tsv'],
    ['date zero-padded', { type: 'date' }, '2020-1-5', '2020-01-05'],
    ['date above a max without message', { type: 'date', max: '2027-09-30' }, '2030-01-01', '2030-01-01'],
    ['date below a min without message', { type: 'date', min: '2007-10-01' }, '2000-01-01', '2000-01-01'],
    ['array of ints', { type: 'array', items: { type: 'integer' } }, ['33', 4], [33, 4]],
    ['any: first model that fits', { type: 'any', models: [{ type: 'integer' }, { type: 'text' }] }, 'ab', 'ab'],
    ['allowed null', { type: 'text', allowNulls: true }, null, null],
    ['integer bound 0 means unbounded (reference quirk)', { type: 'integer', min: 0, max: 10 }, -5, -5],
  ])('%s', (_name, rule, value, expected) => {
    expect(check(rule, value)).toEqual(expected);
  });

  it('fills object member defaults and validates them', () => {
    const rule: ValueRule = {
      type: 'object',
      members: { start_date: { type: 'date', default: '2020-1-1' }, end_date: { type: 'date' } },
    };
    expect(check(rule, { end_date: '2021-01-01' })).toEqual({
      start_date: '2020-01-01',
      end_date: '2021-01-01',
    });
  });

  it('outputs object members in declaration order', () => {
    const rule: ValueRule = { type: 'object', members: { a: { type: 'text' }, b: { type: 'text' } } };
    expect(Object.keys(check(rule, { b: 'y', a: 'x' }) as object)).toEqual(['a', 'b']);
  });
});

describe('value rules: rejected values with their exact message and status (docs/compatibility.md#request-validation-messages)', () => {
  const tooLong = 'a'.repeat(5001);
  const anyOfObjectOrList: ValueRule = { type: 'any', models: [oneText, textList] };
  // prettier-ignore
  it.each<[string, ValueRule, unknown, number, string]>([
    ['integer: text', bounded, 'wombats', 400, "Invalid value in 'x'. 'wombats' is not a valid type (integer)"],
    ['integer: null', bounded, null, 400, "Invalid value in 'x'. 'None' is not a valid type (integer)"],
    ['integer: float', bounded, 1.5, 400, "Invalid value in 'x'. '1.5' is not a valid type (integer)"],
    ['integer: boolean', bounded, true, 400, "Invalid value in 'x'. 'True' is not a valid type (integer)"],
    ['integer: list', bounded, [1], 400, "Invalid value in 'x'. '[1]' is not a valid type (integer)"],
    ['integer: above max', bounded, 500001, 422, "Field 'x' value '500001' is above max '500000'"],
    ['integer: above max after conversion', bounded, ' 600000 ', 422, "Field 'x' value '600000' is above max '500000'"],
    ['integer: below min', bounded, 0, 422, "Field 'x' value '0' is below min '1'"],
    ['integer: int64 bound', { type: 'integer' }, '99999999999999999999', 422,
      "Field 'x' value '99999999999999999999' is above max '9223372036854775807'"],
    ['float: text', { type: 'float' }, 'abc', 400, "Invalid value in 'x'. 'abc' is not a valid type (float)"],
    ['float: null', { type: 'float' }, null, 400, "Invalid value in 'x'. 'None' is not a valid type (float)"],
    ['float: nan refused', { type: 'float' }, 'nan', 400, "Invalid value in 'x'. 'nan' is not a valid type (float)"],
    ['float: above max', { type: 'float', max: 10 }, 12, 422, "Field 'x' value '12.0' is above max '10'"],
    ['float: below min', { type: 'float', min: 1 }, 0.5, 422, "Field 'x' value '0.5' is below min '1'"],
    ['boolean', { type: 'boolean' }, 'maybe', 400, "Invalid value in 'x'. 'maybe' is not a valid type (boolean). Use true/false"],
    ['boolean: null', { type: 'boolean' }, null, 400, "Invalid value in 'x'. 'None' is not a valid type (boolean). Use true/false"],
    ['text: number', { type: 'text' }, 1, 400, "Invalid value in 'x'. '1' is not a valid type (text)"],
    ['text: null', { type: 'text' }, null, 400, "Invalid value in 'x'. 'None' is not a valid type (text)"],
    ['text: empty', { type: 'text' }, '', 422, "Field 'x' value '' is below min '1' items"],
    ['text: below textMin, untrimmed', { type: 'text', textMin: 3 }, 'ab', 422, "Field 'x' value 'ab' is below min '3' items"],
    ['text: above textMax', { type: 'text', textMax: 2 }, 'abc', 422, "Field 'x' value 'abc' is above max '2' items"],
    ['text: above 5000', { type: 'text' }, tooLong, 422, `Field 'x' value '${tooLong}' is above max '5000' items`],
    ['enum', { type: 'enum', values: ['csv', 'tsv', 'pstxt'] }, 'xls', 400, "Field 'x' is outside valid values ['csv', 'tsv', 'pstxt']"],
    ['enum: case-sensitive', { type: 'enum', values: ['csv'] }, 'CSV', 400, "Field 'x' is outside valid values ['csv']"],
    ['enum: null', { type: 'enum', values: ['domestic', 'foreign'] }, null, 400, "Field 'x' is outside valid values ['domestic', 'foreign']"],
    ['date', { type: 'date' }, '2020-13-01', 400,
      "Invalid value in 'x'. '2020-13-01' is not a valid type (date). Expected format: (%Y-%m-%d)"],
    ['date: number', { type: 'date' }, 20200101, 400,
      "Invalid value in 'x'. '20200101' is not a valid type (date). Expected format: (%Y-%m-%d)"],
    ['date: below min with message', { type: 'date', min: '2007-10-01', minMessage: 'too early' }, '2007-09-30', 422, 'too early'],
    ['date: above max with message', { type: 'date', max: '2027-09-30', maxMessage: 'too late' }, '2027-10-01', 422, 'too late'],
    ['array: string', textList, 'abc', 400, "Invalid value in 'x'. 'abc' is not a valid type (array)"],
    ['array: object', textList, { start_date: '2020-01-01' }, 400,
      "Invalid value in 'x'. '{'start_date': '2020-01-01'}' is not a valid type (array)"],
    ['array: empty', textList, [], 422, "Field 'x' value '[]' is below min '1' items"],
    ['array: min 0 still means 1', { ...textList, min: 0 }, [], 422, "Field 'x' value '[]' is below min '1' items"],
    ['array: above max', { ...textList, max: 2 }, ['a', 'b', 'c'], 422, "Field 'x' value '['a', 'b', 'c']' is above max '2' items"],
    ['array: element error uses the parent key', textList, ['a', 1], 400, "Invalid value in 'x'. '1' is not a valid type (text)"],
    ['object: list', oneText, ['a'], 400, "Invalid value in 'x'. '['a']' is not a valid type (object)"],
    ['object: unexpected member', oneText, { a: 'v', district: '1' }, 400, "Unexpected field 'district' in parameter x"],
    ['object: required member missing', { type: 'object', members: { a: { type: 'text' }, b: { type: 'text', required: true } } },
      { a: 'v' }, 422, "Required object fields: ['a', 'b']"],
    ['any: no model fits', { type: 'any', models: [{ type: 'text' }, { type: 'integer' }] }, 1.5, 422,
      "Invalid value in 'x'. '1.5' is not a valid type (integer, text)"],
    ['any: null', anyOfObjectOrList, null, 422, "Invalid value in 'x'. 'None' is not a valid type (array, object)"],
  ])('%s', (_name, rule, value, status, detail) => {
    expect(apiErrorOf(() => check(rule, value))).toEqual({ status, detail });
  });

  it('reports an empty object inside an array as empty (400)', () => {
    expect(apiErrorOf(() => check({ type: 'array', items: oneText }, [{}], 'filters|time_period'))).toEqual({
      status: 400,
      detail: "'filters|time_period' is empty. Please populate object",
    });
  });

  it('quotes the key path verbatim in nested messages', () => {
    const rule: ValueRule = {
      type: 'array',
      items: { type: 'object', members: { start_date: { type: 'date' } } },
    };
    expect(apiErrorOf(() => check(rule, [{ start_date: '2020-13-01' }], 'filters|time_period')).detail).toBe(
      "Invalid value in 'filters|time_period'. '2020-13-01' is not a valid type (date). Expected format: (%Y-%m-%d)",
    );
  });
});
