import { describeTextProblem, findUnstorableText, MAX_NESTING_DEPTH } from './unstorable-text.util';

describe('findUnstorableText', () => {
  it.each([
    [{ filters: { keywords: ['ok', 'a\u0000b'] } }, { location: 'filters|keywords|1', problem: 'nul' }],
    [{ file_name: '\u0000' }, { location: 'file_name', problem: 'nul' }],
    [{ 'bad\u0000key': 1 }, { location: 'bad\u0000key', problem: 'nul' }],
    [{ a: 'x\ud800' }, { location: 'a', problem: 'surrogate' }],
    [{ a: '\udc00y' }, { location: 'a', problem: 'surrogate' }],
  ])('finds the problem in %j', (value, expected) => {
    expect(findUnstorableText(value, '')).toEqual(expected);
  });

  it.each([
    [{ a: 'plain', b: ['😀', 'é', 'tab\there'] }],
    [null],
    [42],
    [[]],
    [{ nested: { deeper: [1, true] } }],
  ])('accepts %j', (value) => {
    expect(findUnstorableText(value, '')).toBeUndefined();
  });

  it('refuses nesting deeper than the limit without walking the stack', () => {
    let value: unknown = 'leaf';
    for (let level = 0; level < 100_000; level++) value = [value];
    expect(findUnstorableText(value, '')).toMatchObject({ problem: 'depth' });
    let shallow: unknown = 'leaf';
    for (let level = 0; level < MAX_NESTING_DEPTH; level++) shallow = { a: shallow };
    expect(findUnstorableText(shallow, '')).toBeUndefined();
  });

  it('says where and what in the detail', () => {
    expect(describeTextProblem({ location: 'filters|keywords|0', problem: 'nul' })).toBe(
      "Invalid value in 'filters|keywords|0': text may not contain NUL characters (\\u0000)",
    );
  });
});
