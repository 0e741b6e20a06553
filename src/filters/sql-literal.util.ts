import { escapeLiteral } from 'pg';

/**
 * Values reach download SQL only through these helpers: COPY takes no bind parameters, so every
 * user value is escaped with the driver's own literal escaping, never pasted.
 */
export function literal(value: string): string {
  return escapeLiteral(value);
}

export function literalList(values: readonly string[]): string {
  return values.map((value) => escapeLiteral(value)).join(', ');
}

/** A finite number as SQL text; anything else is a programming error (validation ran before). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  return String(value);
}

/** `text[]` literal for array operators. */
export function textArray(values: readonly string[]): string {
  return `ARRAY[${literalList(values)}]::text[]`;
}

/** Escapes LIKE wildcards so user text matches literally, then quotes it. */
export function likePattern(prefix: string, value: string, suffix: string): string {
  const escaped = value.replace(/[\\%_]/g, (char) => `\\${char}`);
  return escapeLiteral(`${prefix}${escaped}${suffix}`);
}

export function anyOf(conditions: readonly string[]): string {
  if (conditions.length === 0) return 'false';
  return conditions.length === 1 ? conditions[0] : `(${conditions.join(' OR ')})`;
}

export function allOf(conditions: readonly string[]): string {
  if (conditions.length === 0) return 'true';
  return conditions.length === 1 ? conditions[0] : `(${conditions.join(' AND ')})`;
}
