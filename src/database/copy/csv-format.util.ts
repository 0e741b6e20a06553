/**
 * Formats values for `COPY ... FROM STDIN WITH (FORMAT csv)`: NULL is an unquoted empty field, an
 * empty string is `""`, and a field holding a delimiter, quote, line break or backslash is quoted
 * (a quoted `\.` can never be read as the end-of-data marker).
 */
export type CopyValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n\\]/;

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value === '') return '""';
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One COPY CSV record, newline included. */
export function copyRecord(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? ',' : '') + copyField(values[i]);
  return line + '\n';
}
