/**
 * The first k items in the order cmp gives, without sorting them all: a page of a large result
 * costs a pass over it, not a sort of it. Stable for items cmp calls equal. An item is kept through
 * `keep`, so a caller may reuse one object for every item it offers and copy only those kept.
 */
export function firstInOrder<T>(items: Iterable<T>, k: number, cmp: (a: T, b: T) => number, keep: (item: T) => T = (item) => item): T[] {
  const best: T[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    if (best.length === k && cmp(item, best[k - 1] as T) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(item, best[mid] as T) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, keep(item));
    if (best.length > k) best.pop();
  }
  return best;
}
