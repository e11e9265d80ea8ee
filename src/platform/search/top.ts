/**
 * The first k items in the order cmp gives, offered one at a time, without sorting them all: a page of a
 * large result costs a pass over it, not a sort of it. Stable for items cmp calls equal. An item is kept
 * through `keep`, so a caller may reuse one object for every item it offers and copy only those kept.
 */
export class Top<T> {
  readonly best: T[] = [];
  constructor(
    private readonly k: number,
    private readonly cmp: (a: T, b: T) => number,
    private readonly keep: (item: T) => T = (item) => item,
  ) {}

  offer(item: T): void {
    const { best, k, cmp } = this;
    if (k <= 0 || (best.length === k && cmp(item, best[k - 1] as T) >= 0)) return;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(item, best[mid] as T) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, this.keep(item));
    if (best.length > k) best.pop();
  }
}

/** The first k of `items` in the order cmp gives (see Top). */
export function firstInOrder<T>(items: Iterable<T>, k: number, cmp: (a: T, b: T) => number, keep: (item: T) => T = (item) => item): T[] {
  const top = new Top(k, cmp, keep);
  if (k <= 0) return top.best;
  for (const item of items) top.offer(item);
  return top.best;
}
