import { isJsonObject } from './python-coerce.util';
import { missingValueError } from './tinyshield-messages.util';
import { applyRule } from './tinyshield-value.util';
import { FieldRule, JsonValue, KEY_PATH_SEPARATOR, ValidatedRequest } from './tinyshield-rule.types';

/** Marks an optional field that was not sent and has no default: it stays out of the output. */
const ABSENT = Symbol('absent');

/**
 * Validates `request` against `rules` exactly as the reference's TinyShield does (docs/compatibility.md#request-validation-messages):
 *
 * 1. presence, in rule order: a missing required field fails before any value is looked at;
 * 2. values, in rule order: the first invalid value fails.
 *
 * `{}` counts as absent, an explicit null as present. Only fields that have a rule reach the output, which is
 * nested along the key paths. Failures are thrown as `ApiError` (400 or 422) carrying the reference's message.
 */
export function validateRequest(rules: readonly FieldRule[], request: unknown): ValidatedRequest {
  const located = rules.map((rule) => ({ rule, value: locate(rule, request) }));
  const output: ValidatedRequest = {};
  for (const { rule, value } of located) {
    if (value === ABSENT) continue;
    setPath(output, rule.key.split(KEY_PATH_SEPARATOR), applyRule(rule, value, rule.key));
  }
  return output;
}

function locate(rule: FieldRule, request: unknown): unknown {
  let value: unknown = request;
  // Like `value.get(part, {})`: a missing key, or a parent that is not an object, reads as `{}`.
  for (const part of rule.key.split(KEY_PATH_SEPARATOR)) {
    value = isJsonObject(value) && Object.hasOwn(value, part) ? value[part] : {};
  }
  if (!(isJsonObject(value) && Object.keys(value).length === 0)) return value;
  if (rule.required) throw missingValueError(rule.key);
  if (rule.default !== undefined) return structuredClone(rule.default);
  return ABSENT;
}

function setPath(target: ValidatedRequest, path: readonly string[], value: JsonValue): void {
  let level = target;
  for (const part of path.slice(0, -1)) {
    const next = level[part];
    if (isJsonObject(next)) level = next;
    else level = level[part] = {};
  }
  level[path[path.length - 1]] = value;
}
