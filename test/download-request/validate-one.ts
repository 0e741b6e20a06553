import { ValueRule } from '../../src/download-request/tinyshield/tinyshield-rule.types';
import { validateRequest } from '../../src/download-request/tinyshield/tinyshield.util';

/** Validates `{ x: value }` against one rule keyed `key` (default `x`; `filters|x` nests) and returns the output value. */
export function validateOne(rule: ValueRule, value: unknown, key = 'x'): unknown {
  const path = key.split('|');
  const request = path.reduceRight<unknown>((inner, part) => ({ [part]: inner }), value);
  const output = validateRequest([{ ...rule, key }], request);
  return path.reduce<unknown>((level, part) => (level as Record<string, unknown>)[part], output);
}
