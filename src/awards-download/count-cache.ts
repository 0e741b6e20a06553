/** Distinct count queries kept; the least recently used is dropped beyond this. */
export const COUNT_CACHE_ENTRIES = 1000;

/**
 * Row counts by query text, valid for one state of the data: every entry carries the data load date it
 * was computed under, and a newer load date makes it stale. Identical counts asked at the same time share
 * one database query, so a burst of the same request costs one count, not one per client.
 */
export class CountCache {
  private readonly entries = new Map<string, { loadDate: number; total: Promise<number> }>();

  constructor(private readonly capacity = COUNT_CACHE_ENTRIES) {}

  get(sql: string, loadDate: Date | null, compute: () => Promise<number>): Promise<number> {
    const stamp = loadDate?.getTime() ?? 0;
    const found = this.entries.get(sql);
    if (found && found.loadDate === stamp) {
      // Re-inserting moves the entry to the end: Map iteration order is the recency order.
      this.entries.delete(sql);
      this.entries.set(sql, found);
      return found.total;
    }
    const total = compute();
    const entry = { loadDate: stamp, total };
    this.entries.set(sql, entry);
    // A failed count is not remembered: the next request tries again.
    total.catch(() => {
      if (this.entries.get(sql) === entry) this.entries.delete(sql);
    });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return total;
  }

  get size(): number {
    return this.entries.size;
  }
}
