import { ApiError, ApiErrorCode } from '../../common/api-error';
import {
  cleanSearchText,
  isJsonObject,
  parsePythonDate,
  parsePythonFloat,
  parsePythonInt,
  pythonLength,
} from './python-coerce.util';
import { pythonFloatRepr, pythonNumberStr, pythonStr } from './python-repr.util';
import {
  aboveMaxError,
  belowMinError,
  emptyObjectError,
  invalidTypeError,
  outsideValidValuesError,
  requiredObjectFieldsError,
  unexpectedFieldError,
} from './tinyshield-messages.util';
import {
  AnyRule,
  ArrayRule,
  DateRule,
  EnumRule,
  FloatRule,
  IntegerRule,
  JsonValue,
  MAX_ITEMS,
  ObjectRule,
  TextRule,
  ValueRule,
} from './tinyshield-rule.types';

/** The reference's default integer bounds (Python's sys.maxsize range). */
const MIN_INT = -(2n ** 63n);
const MAX_INT = 2n ** 63n - 1n;

/**
 * Phase 2 of the validator: checks one value against its rule and returns the converted value. `key` is the
 * top-level rule's key path: elements and members report errors under their parent's key, as the reference does.
 */
export function applyRule(rule: ValueRule, value: unknown, key: string): JsonValue {
  if (rule.allowNulls && value === null) return null;
  switch (rule.type) {
    case 'integer':
      return validateInteger(rule, value, key);
    case 'float':
      return validateFloat(rule, value, key);
    case 'boolean':
      return validateBoolean(value, key);
    case 'text':
      return validateText(rule, value, key);
    case 'enum':
      return validateEnum(rule, value, key);
    case 'date':
      return validateDate(rule, value, key);
    case 'array':
      return validateArray(rule, value, key);
    case 'object':
      return validateObject(rule, value, key);
    case 'any':
      return validateAny(rule, value, key);
  }
}

// Bounds use `||` on purpose: the reference reads `rule.get("min") or MIN_INT`, so a declared 0 means unbounded.
function validateInteger(rule: IntegerRule, value: unknown, key: string): number {
  const parsed = parsePythonInt(value);
  if (parsed === undefined) throw invalidTypeError(key, value, 'integer');
  const max = rule.max ? BigInt(rule.max) : MAX_INT;
  const min = rule.min ? BigInt(rule.min) : MIN_INT;
  if (parsed > max) throw aboveMaxError(key, parsed.toString(), max.toString(), false);
  if (parsed < min) throw belowMinError(key, parsed.toString(), min.toString(), false);
  return Number(parsed);
}

function validateFloat(rule: FloatRule, value: unknown, key: string): number {
  const parsed = parsePythonFloat(value);
  // Python would accept 'nan' and 'inf', but they cannot travel in JSON: refused as not a valid float.
  if (parsed === undefined || !Number.isFinite(parsed)) throw invalidTypeError(key, value, 'float');
  const max = rule.max ? pythonNumberStr(rule.max) : pythonFloatRepr(Number.MAX_VALUE);
  const min = rule.min ? pythonNumberStr(rule.min) : pythonFloatRepr(-Number.MAX_VALUE);
  if (rule.max && parsed > rule.max) throw aboveMaxError(key, pythonFloatRepr(parsed), max, false);
  if (rule.min && parsed < rule.min) throw belowMinError(key, pythonFloatRepr(parsed), min, false);
  return parsed;
}

function validateBoolean(value: unknown, key: string): boolean {
  const text = pythonStr(value).toLowerCase();
  if (text === '1' || text === 't' || text === 'true') return true;
  if (text === '0' || text === 'f' || text === 'false') return false;
  throw invalidTypeError(key, value, 'boolean', '. Use true/false');
}

function validateText(rule: TextRule, value: unknown, key: string): string {
  if (typeof value !== 'string') throw invalidTypeError(key, value, 'text');
  const max = rule.textMax || MAX_ITEMS;
  const min = rule.textMin || 1;
  // Lengths are checked on the text as sent, before the search clean-up trims it.
  const length = pythonLength(value);
  if (length > max) throw aboveMaxError(key, value, String(max), true);
  if (length < min) throw belowMinError(key, value, String(min), true);
  return rule.textType === 'raw' ? value : cleanSearchText(value);
}

function validateEnum(rule: EnumRule, value: unknown, key: string): string | number {
  if ((typeof value === 'string' || typeof value === 'number') && rule.values.includes(value)) return value;
  throw outsideValidValuesError(key, rule.values);
}

function validateDate(rule: DateRule, value: unknown, key: string): string {
  const parsed = parsePythonDate(value);
  if (parsed === undefined) throw invalidTypeError(key, value, 'date', '. Expected format: (%Y-%m-%d)');
  // Zero-padded ISO dates compare correctly as strings. Bounds without a message only log in the reference.
  if (rule.min !== undefined && rule.minMessage !== undefined && parsed < rule.min) {
    throw new ApiError(ApiErrorCode.UnprocessableEntity, rule.minMessage);
  }
  if (rule.max !== undefined && rule.maxMessage !== undefined && parsed > rule.max) {
    throw new ApiError(ApiErrorCode.UnprocessableEntity, rule.maxMessage);
  }
  return parsed;
}

function validateArray(rule: ArrayRule, value: unknown, key: string): JsonValue[] {
  if (!Array.isArray(value)) throw invalidTypeError(key, value, 'array');
  const max = rule.max || MAX_ITEMS;
  // A declared minimum of 0 still rejects `[]`: the reference reads `rule.get("min") or 1`.
  const min = rule.min || 1;
  if (value.length > max) throw aboveMaxError(key, pythonStr(value), String(max), true);
  if (value.length < min) throw belowMinError(key, pythonStr(value), String(min), true);
  return value.map((item: unknown) => applyRule(rule.items, item, key));
}

function validateObject(rule: ObjectRule, value: unknown, key: string): { [member: string]: JsonValue } {
  if (!isJsonObject(value)) throw invalidTypeError(key, value, 'object');
  if (Object.keys(value).length === 0) throw emptyObjectError(key);
  for (const field of Object.keys(value)) {
    if (!Object.hasOwn(rule.members, field)) throw unexpectedFieldError(field, key);
  }
  const names = Object.keys(rule.members);
  if (names.some((name) => rule.members[name].required && !Object.hasOwn(value, name))) {
    throw requiredObjectFieldsError(names);
  }
  const result: { [member: string]: JsonValue } = {};
  for (const name of names) {
    const member = rule.members[name];
    if (Object.hasOwn(value, name)) result[name] = applyRule(member, value[name], key);
    else if (member.default !== undefined)
      result[name] = applyRule(member, structuredClone(member.default), key);
  }
  return result;
}

function validateAny(rule: AnyRule, value: unknown, key: string): JsonValue {
  for (const model of rule.models) {
    try {
      return applyRule(model, value, key);
    } catch (error) {
      // A client error of one model only means "try the next one"; anything else is a bug and propagates.
      if (!(error instanceof ApiError)) throw error;
    }
  }
  const typeNames = rule.models.map((model) => model.type).sort();
  throw invalidTypeError(key, value, typeNames.join(', '), '', ApiErrorCode.UnprocessableEntity);
}
