/**
 * Coalesces many single-key reads into one query per round trip ("group commit" for reads).
 *
 * A key asked for while no batch is in flight waits one turn of the event loop (so the requests that
 * arrived in the same I/O phase share the query); keys asked for while a batch runs wait for the next
 * one, which starts as soon as the current one answers. Idle, a lookup costs one query as before;
 * under a hundred pollers it costs one query per round instead of one per request, which is what a
 * database connection and the process's syscalls can keep up with. The same key asked for twice in
 * one batch is read once.
 */
export class BatchedLookup<K, V> {
  private pending = new Map<K, Waiter<V>[]>();
  private inFlight = false;
  private scheduled = false;

  constructor(
    /** Reads every key at once; a key missing from the map resolves to undefined. */
    private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch = 500,
    /** Whether a failed batch is worth reading again key by key (not when the database is out of reach). */
    private readonly splitAfter: (error: unknown) => boolean = () => true,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.pending.size === 0) return;
    const batch = new Map<K, Waiter<V>[]>();
    for (const [key, waiters] of this.pending) {
      if (batch.size === this.maxBatch) break;
      batch.set(key, waiters);
    }
    for (const key of batch.keys()) this.pending.delete(key);
    this.inFlight = true;
    try {
      await this.answer(batch);
    } finally {
      this.inFlight = false;
    }
    if (this.pending.size > 0) this.schedule();
  }

  /**
   * A failed batch is read again key by key, so that a key the query refuses fails only its own callers
   * instead of everyone polled in the same round; a failure `splitAfter` rejects fails them all at once.
   */
  private async answer(batch: Map<K, Waiter<V>[]>): Promise<void> {
    try {
      const found = await this.loadMany([...batch.keys()]);
      for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key));
      return;
    } catch (error) {
      if (batch.size === 1 || !this.splitAfter(error)) {
        for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
        return;
      }
    }
    await Promise.all([...batch].map(([key, waiters]) => this.answer(new Map([[key, waiters]]))));
  }
}

interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}
