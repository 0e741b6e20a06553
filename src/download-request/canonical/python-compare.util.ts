/**
 * Python's ordering of validated JSON values, for `sorted()` in the canonical form (docs/compatibility.md#canonical-download-request): strings by code
 * point (JS compares UTF-16 units, which differs above U+FFFF), numbers and booleans numerically, lists
 * element-wise. Python would raise on mixed types; validated lists never mix them, so a fixed type rank suffices.
 */

export function compareCodePoints(left: string, right: string): number {
  const a = Array.from(left);
  const b = Array.from(right);
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const difference = (a[index].codePointAt(0) ?? 0) - (b[index].codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean' || typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (Array.isArray(value)) return 3;
  return 4;
}

export function comparePython(left: unknown, right: unknown): number {
  const rankDifference = typeRank(left) - typeRank(right);
  if (rankDifference !== 0) return rankDifference;
  if (typeof left === 'string' && typeof right === 'string') return compareCodePoints(left, right);
  if (Array.isArray(left) && Array.isArray(right)) return compareLists(left, right);
  if (typeRank(left) === 1) return Number(left) - Number(right);
  return 0;
}

function compareLists(left: readonly unknown[], right: readonly unknown[]): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const difference = comparePython(left[index], right[index]);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
