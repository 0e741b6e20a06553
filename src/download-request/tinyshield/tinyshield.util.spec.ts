import { apiErrorOf } from '../../../test/download-request/api-error-of';
import { FieldRule } from './tinyshield-rule.types';
import { validateRequest } from './tinyshield.util';

describe('validateRequest: presence and phases (docs/compatibility.md#request-validation-messages)', () => {
  const rules: FieldRule[] = [
    { key: 'filters|fy', type: 'integer', required: true },
    { key: 'filters|agency', type: 'text', default: 'all' },
    { key: 'file_format', type: 'enum', values: ['csv'], default: 'csv' },
    { key: 'limit', type: 'integer' },
  ];

  it('reports a missing required field as 422', () => {
    expect(apiErrorOf(() => validateRequest(rules, { filters: { agency: 'x' } }))).toEqual({
      status: 422,
      detail: "Missing value: 'filters|fy' is a required field",
    });
  });

  it('checks presence of every rule before any value (a missing field beats an earlier bad value)', () => {
    const ordered: FieldRule[] = [
      { key: 'a', type: 'integer' },
      { key: 'b', type: 'integer', required: true },
    ];
    expect(apiErrorOf(() => validateRequest(ordered, { a: 'bad' })).detail).toBe(
      "Missing value: 'b' is a required field",
    );
  });

  it('reports the first bad value in rule order', () => {
    const ordered: FieldRule[] = [
      { key: 'b', type: 'integer' },
      { key: 'a', type: 'integer' },
    ];
    expect(apiErrorOf(() => validateRequest(ordered, { a: 'x', b: 'y' })).detail).toContain("'b'");
  });

  it.each([
    ['an empty object', { filters: { fy: {} } }],
    ['a non-object parent', { filters: [] }],
    ['a null parent', { filters: null }],
    ['a non-object request', []],
  ])('treats %s as absent', (_name, request) => {
    expect(apiErrorOf(() => validateRequest(rules, request)).status).toBe(422);
  });

  it('treats an explicit null as present (and then invalid)', () => {
    expect(apiErrorOf(() => validateRequest(rules, { filters: { fy: null } })).detail).toBe(
      "Invalid value in 'filters|fy'. 'None' is not a valid type (integer)",
    );
  });

  it('applies defaults, leaves optional fields without default out, and drops unknown keys', () => {
    const output = validateRequest(rules, { filters: { fy: '2020', junk: 1 }, extra: true });
    expect(output).toEqual({ filters: { fy: 2020, agency: 'all' }, file_format: 'csv' });
  });

  it('validates defaults like supplied values', () => {
    const bad: FieldRule[] = [{ key: 'x', type: 'integer', max: 5, default: 10 }];
    expect(apiErrorOf(() => validateRequest(bad, {})).detail).toBe("Field 'x' value '10' is above max '5'");
  });

  it('does not let one request mutate a shared default', () => {
    const shared: FieldRule[] = [{ key: 'x', type: 'array', items: { type: 'text' }, default: ['a'] }];
    const first = validateRequest(shared, {});
    (first.x as string[]).push('b');
    expect(validateRequest(shared, {})).toEqual({ x: ['a'] });
  });
});
