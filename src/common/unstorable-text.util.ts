/**
 * Text PostgreSQL cannot store: the NUL character (a `text` value may not hold U+0000) and unpaired
 * UTF-16 surrogates (no UTF-8 form; the driver would silently turn them into U+FFFD, so the stored
 * request or the filter applied would differ from the one sent).
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than this, a JSON value is refused (walking it would also risk the stack). */
export const MAX_NESTING_DEPTH = 64;

export interface TextProblem {
  /** Where: `filters|keywords|0`, the reference's way of naming nested fields. */
  location: string;
  problem: 'nul' | 'surrogate' | 'depth';
}

export function textProblemOf(text: string): TextProblem['problem'] | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (UNPAIRED_SURROGATE.test(text)) return 'surrogate';
  return undefined;
}

/** The first string or key in `value` that PostgreSQL cannot store, or a nesting that is too deep. */
export function findUnstorableText(value: unknown, root: string): TextProblem | undefined {
  const stack: { value: unknown; location: string; depth: number }[] = [{ value, location: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, location, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblemOf(current);
      if (problem) return { location, problem };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_NESTING_DEPTH) return { location, problem: 'depth' };
    for (const [key, child] of Object.entries(current as Record<string, unknown>)) {
      const childLocation = location ? `${location}|${key}` : key;
      const keyProblem = textProblemOf(key);
      if (keyProblem) return { location: childLocation, problem: keyProblem };
      stack.push({ value: child, location: childLocation, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The `detail` of the 400 answer. */
export function describeTextProblem({ location, problem }: TextProblem): string {
  const where = location ? `'${location}'` : 'the request';
  switch (problem) {
    case 'nul':
      return `Invalid value in ${where}: text may not contain NUL characters (\\u0000)`;
    case 'surrogate':
      return `Invalid value in ${where}: text must be valid Unicode (it holds an unpaired surrogate)`;
    case 'depth':
      return `Invalid value in ${where}: nested more than ${MAX_NESTING_DEPTH} levels deep`;
  }
}
