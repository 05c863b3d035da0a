// A memo of work this process has done (the QR images it drew, the join QR it read), bounded in
// entries and in bytes and forgetting the least recently used first, so that no request can make
// it grow without end. Per instance on purpose: it is a cache, not a limit (the per-address limit
// on the work it saves is in PostgreSQL, security/image-limits.ts). Callers asking for the same
// key while it is still being made share the one making: a dozen requests for a cold image draw
// it once.

export type BoundedMemo<V> = {
  /** What is memoised (or being made) under `key`, now the most recently used; undefined when nothing is. */
  get(key: string): Promise<V> | undefined;
  /** Makes the value for `key` once and keeps it; a call while it is being made shares that making. A failure is not kept. */
  fill(key: string, make: () => Promise<V>): Promise<V>;
  delete(key: string): void;
  /** What it holds, for tests and health checks. */
  load(): { entries: number; bytes: number };
};

type Entry<V> = { value: Promise<V>; bytes: number };

export function createBoundedMemo<V>(options: { maxEntries: number; maxBytes: number; sizeOf: (value: V) => number }): BoundedMemo<V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry<V>>();
  let bytes = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  }

  function evict(): void {
    for (const key of entries.keys()) {
      if (entries.size <= options.maxEntries && bytes <= options.maxBytes) return;
      remove(key);
    }
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    fill(key, make) {
      const existing = this.get(key);
      if (existing) return existing;
      const entry: Entry<V> = { value: make(), bytes: 0 };
      entries.set(key, entry);
      evict();
      entry.value.then(
        (value) => {
          if (entries.get(key) !== entry) return;
          const size = options.sizeOf(value);
          // One value larger than the whole memo is served, not kept.
          if (size > options.maxBytes) return remove(key);
          entry.bytes = size;
          bytes += size;
          evict();
        },
        () => {
          if (entries.get(key) === entry) remove(key);
        },
      );
      return entry.value;
    },
    delete: remove,
    load: () => ({ entries: entries.size, bytes }),
  };
}
