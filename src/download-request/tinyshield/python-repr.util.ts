/**
 * Renders JSON values the way Python's `str()` / `repr()` print them. The reference embeds these renderings in its
 * error messages (`'None'`, `['a', 'b']`, `{'start_date': '2020-01-01'}`) and in the sort key of object lists
 * (docs/compatibility.md#request-validation-messages, #canonical-download-request), and clients compare some of those messages verbatim.
 *
 * Limitation: after `JSON.parse`, `1.0` and `1` are the same JS number, so integral floats render as ints (`1`).
 */

/** Characters Python's `str.isprintable()` rejects (other than the plain space), escaped by `repr()`. */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16 on, `.0` for integral values. */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // toExponential() without digits gives the shortest representation that round-trips, like Python's repr.
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exponent < -4 || exponent >= 16) {
    const shownMantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const shownExponent = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${shownMantissa}e${shownExponent}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integerLength = exponent + 1;
  if (digits.length <= integerLength) return `${sign}${digits.padEnd(integerLength, '0')}.0`;
  return `${sign}${digits.slice(0, integerLength)}.${digits.slice(integerLength)}`;
}

/** A JS number as Python prints the value it most likely was: integral → int, otherwise float. */
export function pythonNumberStr(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  if (Number.isInteger(value)) return BigInt(value).toString();
  return pythonFloatRepr(value);
}

/** `repr(str)`: single quotes unless the text contains `'` but no `"`; non-printable characters escaped. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    if (char === quote) out += `\\${char}`;
    else if (SHORT_ESCAPES[char] !== undefined) out += SHORT_ESCAPES[char];
    else if (char !== ' ' && NON_PRINTABLE.test(char)) out += escapeCodePoint(char.codePointAt(0) ?? 0);
    else out += char;
  }
  return out + quote;
}

function escapeCodePoint(codePoint: number): string {
  if (codePoint < 0x100) return `\\x${codePoint.toString(16).padStart(2, '0')}`;
  if (codePoint < 0x10000) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
  return `\\U${codePoint.toString(16).padStart(8, '0')}`;
}

/** Python `str(value)`: strings unquoted, everything else as `repr`. */
export function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

/**
 * Nesting beyond this depth renders as `[...]` / `{...}` (Python's marker for recursive containers): a hostile
 * body nested thousands deep must yield a 400 with a message, not a stack overflow.
 */
const MAX_REPR_DEPTH = 100;

/** Python `repr(value)` of a JSON-like value (`None`, `True`, `['a', 1]`, `{'k': 'v'}`). */
export function pythonRepr(value: unknown): string {
  return reprAt(value, 0);
}

function reprAt(value: unknown, depth: number): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return pythonStringRepr(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonNumberStr(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) {
    if (depth >= MAX_REPR_DEPTH) return '[...]';
    return `[${value.map((item) => reprAt(item, depth + 1)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    if (depth >= MAX_REPR_DEPTH) return '{...}';
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, item]) => `${pythonStringRepr(key)}: ${reprAt(item, depth + 1)}`).join(', ')}}`;
  }
  // Functions and symbols never come out of JSON; render them as Python would an unknown object.
  return `<${typeof value}>`;
}

/** Python's rendering of a `set` of strings (`{'a', 'b'}`); an empty set prints as `set()`. */
export function pythonSetRepr(items: readonly string[]): string {
  return items.length === 0 ? 'set()' : `{${items.map((item) => pythonStringRepr(item)).join(', ')}}`;
}
