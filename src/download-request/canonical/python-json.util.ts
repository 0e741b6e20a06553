import { isJsonObject } from '../tinyshield/python-coerce.util';
import { pythonNumberStr } from '../tinyshield/python-repr.util';
import { JsonValue } from '../tinyshield/tinyshield-rule.types';

/**
 * Python's `json.dumps(value)` with its defaults: `", "` and `": "` separators, keys in insertion order,
 * ASCII-only output (everything outside space..`~` escaped as lower-case `\uXXXX`). The reference stores and
 * compares this exact string for its request cache (docs/compatibility.md#canonical-download-request, #same-request-cache).
 */
export function pythonJsonDumps(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumberStr(value);
  if (typeof value === 'string') return jsonString(value);
  if (Array.isArray(value)) return `[${value.map((item) => pythonJsonDumps(item)).join(', ')}]`;
  if (isJsonObject(value)) {
    const entries = Object.entries(value).map(
      ([key, item]) => `${jsonString(key)}: ${pythonJsonDumps(item)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  throw new TypeError(`Not JSON-serializable: ${typeof value}`);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function jsonString(text: string): string {
  // Iterating UTF-16 units on purpose: astral characters become surrogate pairs, exactly as Python writes them.
  let out = '"';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    const code = text.charCodeAt(index);
    if (SHORT_ESCAPES[char] !== undefined) out += SHORT_ESCAPES[char];
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}
