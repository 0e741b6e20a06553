/**
 * Declarative request rules for the TinyShield-compatible validator (docs/compatibility.md#request-validation-messages). A rule list is validated in
 * two phases: presence of every top-level rule first, then values in list order; the first error wins.
 */

/** A value the validator produces (validated output is always plain JSON). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A validated request: nested objects built from the rules' key paths (`filters|keywords` → `filters.keywords`). */
export type ValidatedRequest = { [key: string]: JsonValue };

/** The separator of key paths; messages quote the path with it (`'filters|time_period'`). */
export const KEY_PATH_SEPARATOR = '|';

/** Upper bound of arrays and texts when a rule declares none (the reference's MAX_ITEMS). */
export const MAX_ITEMS = 5000;

interface RuleBase {
  /** A JSON null is accepted and kept as null (reference `allow_nulls`); otherwise null fails the type check. */
  readonly allowNulls?: boolean;
}

/**
 * Python ints (JSON integers or strings such as `" 7 "`, `"1_000"`). Bounds default to the int64 range.
 * Quirk kept from the reference: a bound of 0 means "no bound" (declare `min: 1` to reject 0 and negatives).
 */
export interface IntegerRule extends RuleBase {
  readonly type: 'integer';
  readonly min?: number;
  readonly max?: number;
}

/** Anything Python's `float()` parses. Same 0-means-unbounded quirk as integers. Non-finite values are refused. */
export interface FloatRule extends RuleBase {
  readonly type: 'float';
  readonly min?: number;
  readonly max?: number;
}

/** `true`/`false` and the case-insensitive spellings `1 t true 0 f false`. */
export interface BooleanRule extends RuleBase {
  readonly type: 'boolean';
}

/**
 * JSON strings of `textMin` (default and minimum 1) to `textMax` (default 5000) code points, measured before
 * clean-up. `search` texts (the default) lose control characters and surrounding whitespace; `raw` texts are kept.
 */
export interface TextRule extends RuleBase {
  readonly type: 'text';
  readonly textType?: 'search' | 'raw';
  readonly textMin?: number;
  readonly textMax?: number;
}

/** One of `values`, exact and case-sensitive; the message lists them in this order. */
export interface EnumRule extends RuleBase {
  readonly type: 'enum';
  readonly values: readonly (string | number)[];
}

/**
 * `YYYY-MM-DD` (unpadded month/day accepted), output zero-padded. A bound only rejects when it has a message;
 * without one the reference accepts the value unchanged, and so do we.
 */
export interface DateRule extends RuleBase {
  readonly type: 'date';
  readonly min?: string;
  readonly max?: string;
  readonly minMessage?: string;
  readonly maxMessage?: string;
}

/** JSON arrays of `min`..`max` elements (defaults 1..5000; a `min` of 0 still means 1), each validated by `items`. */
export interface ArrayRule extends RuleBase {
  readonly type: 'array';
  readonly items: ValueRule;
  readonly min?: number;
  readonly max?: number;
}

/** Non-empty JSON objects with no keys outside `members`; member order is the declaration order. */
export interface ObjectRule extends RuleBase {
  readonly type: 'object';
  readonly members: Readonly<Record<string, MemberRule>>;
}

/** The first of `models` that accepts the value wins; if none does, a 422 names all their types. */
export interface AnyRule extends RuleBase {
  readonly type: 'any';
  readonly models: readonly ValueRule[];
}

export type ValueRule =
  IntegerRule | FloatRule | BooleanRule | TextRule | EnumRule | DateRule | ArrayRule | ObjectRule | AnyRule;

export type RuleType = ValueRule['type'];

interface Presence {
  /** Absent (or `{}`) → 422 `Missing value`. Optional when not set. */
  readonly required?: boolean;
  /** Used, and validated like a supplied value, when the field is absent. */
  readonly default?: JsonValue;
}

/** An object member: optional unless `required`; a `default` fills an absent member. */
export type MemberRule = ValueRule & Presence;

/** A top-level rule: where the value lives in the request (`filters|time_period`) and how to check it. */
export type FieldRule = ValueRule & Presence & { readonly key: string };
