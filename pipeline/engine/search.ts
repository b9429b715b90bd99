// Binary search over arrays sorted by a numeric key: the recognizers and the
// linker look up "the first item at or after a position" instead of scanning.

/** Index of the first item whose key is ≥ pos, in an array sorted by that key; the length if none. */
export function lowerBound<T>(xs: readonly T[], pos: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(xs[mid]) >= pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export const byStart = (x: { start: number }) => x.start;
export const byEnd = (x: { end: number }) => x.end;
export const itself = (x: number) => x;
