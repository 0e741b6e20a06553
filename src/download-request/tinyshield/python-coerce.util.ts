/**
 * The conversions the reference's validator gets from Python builtins (`int()`, `float()`, `strptime`,
 * `str.strip()`, truthiness), reimplemented so that the same inputs are accepted and rejected (docs/compatibility.md#request-validation-messages).
 */

/** Python's `str.isspace()` characters (Unicode White_Space plus the ASCII separators \x1c-\x1f). */
const PY_SPACE =
  '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

/** `int(text)` in base 10: surrounding whitespace, one sign, digits with single `_` separators. */
const PY_INT_TEXT = /^[+-]?\d+(?:_\d+)*$/;
const PY_DIGITS = '\\d(?:_?\\d)*';
/** `float(text)`: decimal, optional fraction and exponent, `_` separators between digits. */
const PY_FLOAT_TEXT = new RegExp(
  `^[+-]?(?:${PY_DIGITS}(?:\\.(?:${PY_DIGITS})?)?|\\.${PY_DIGITS})(?:[eE][+-]?${PY_DIGITS})?$`,
);
const PY_FLOAT_SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

/**
 * `strptime(value, '%Y-%m-%d')`: exactly four year digits; month and day may be unpadded (`2020-1-5`), and `%d`
 * even accepts a space-padded day (`2020-01- 5`), as Python's regex does.
 */
const PY_DATE = /^(\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])$/;

/** Characters the reference's "search" text type deletes: tab, vertical tab, backspace, form feed, CR, LF. */
const SEARCH_REMOVED = /[\t\v\b\f\r\n]/g;

/** Python `str.strip()` with no argument. */
export function pythonStrip(text: string): string {
  return text.replace(PY_STRIP, '');
}

/** The reference's "search" text clean-up: control characters removed, then whitespace stripped. */
export function cleanSearchText(text: string): string {
  return pythonStrip(text.replace(SEARCH_REMOVED, ''));
}

/**
 * What `int(value)` yields for a JSON int or a string (the validator refuses every other type, booleans
 * included); undefined when Python would raise. BigInt keeps the comparison with the int64 bounds exact.
 */
export function parsePythonInt(value: unknown): bigint | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = pythonStrip(value);
  return PY_INT_TEXT.test(text) ? BigInt(text.replace(/_/g, '')) : undefined;
}

/** What `float(value)` yields (booleans count as 1.0 / 0.0, like Python); undefined when Python would raise. */
export function parsePythonFloat(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const text = pythonStrip(value);
  if (PY_FLOAT_SPECIAL.test(text)) {
    if (/nan/i.test(text)) return NaN;
    return text.startsWith('-') ? -Infinity : Infinity;
  }
  return PY_FLOAT_TEXT.test(text) ? Number(text.replace(/_/g, '')) : undefined;
}

/** `strptime(str(value), '%Y-%m-%d').date().isoformat()`, or undefined for a non-string or an impossible date. */
export function parsePythonDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = PY_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3].trim())];
  // Python's datetime rejects year 0 and days past the end of the month (leap years included).
  if (year < 1 || day > daysInMonth(year, month)) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Python truthiness of a JSON value: null, false, 0, '', [] and {} are false. */
export function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** A JSON object (not an array, not null), as Python's `isinstance(value, dict)` sees a parsed body. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's `len(str)`: counted in code points, not UTF-16 units. */
export function pythonLength(text: string): number {
  return Array.from(text).length;
}
