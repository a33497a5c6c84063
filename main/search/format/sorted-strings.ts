/**
 * The order terms are kept in. The vocabulary blob and the prefix lists are sorted in JavaScript's
 * UTF-16 code unit order (lunr's own `Object.keys(...).sort()`); SQLite compares TEXT keys as UTF-8
 * bytes, which is code point order, so a prefix range scan over `search_terms` is bounded in that
 * order (nextPrefix).
 */

/** JS (UTF-16 code unit) order. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code point order: SQLite's BINARY order of TEXT, as UTF-8 bytes compare. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only a surrogate (a code point above U+FFFF) against U+E000..U+FFFF sorts otherwise than by code unit.
    if (x >= 0xd800 && y >= 0xd800) return a.codePointAt(i)! - b.codePointAt(i)!;
    return x - y;
  }
  return a.length - b.length;
}

/** The first index of `sorted` (in JS order) whose string is not less than `x`. */
export function lowerBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The smallest string greater than every string starting with `prefix`, in code point order (which
 * is SQLite's BINARY order on UTF-8): the last code point incremented. null when there is none.
 */
export function nextPrefix(prefix: string): string | null {
  const codePoints = Array.from(prefix, (c) => c.codePointAt(0)!);
  while (codePoints.length > 0) {
    let last = codePoints.pop()!;
    if (last < 0x10ffff) {
      last += 1;
      if (last === 0xd800) last = 0xe000;
      codePoints.push(last);
      return String.fromCodePoint(...codePoints);
    }
  }
  return null;
}
