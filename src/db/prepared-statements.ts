import { LRUCache } from 'lru-cache';

/** Bytes of statement text remembered as seen once; older texts are forgotten first. */
const SEEN_BYTES = 8 * 1024 * 1024;

/**
 * Which statement texts postgres.js prepares. A prepared statement lives in its connection's
 * backend, plan included, until the connection closes, and clients may send any number of distinct
 * documents: so a text is prepared from its second run on, and at most `capacity` texts are
 * admitted per period; the rest are sent unnamed. Connections live at most one period (the pool's
 * `max_lifetime`), so none spans more than two periods or holds more than 2 × `capacity`.
 */
export class PreparedStatementPolicy {
  private admitted = new Set<string>();
  private readonly seen = new LRUCache<string, true>({
    maxSize: SEEN_BYTES,
    sizeCalculation: (_value, text) => text.length * 2 + 64,
  });
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly capacity: number,
    readonly periodMs: number,
  ) {
    this.timer = setInterval(() => (this.admitted = new Set()), periodMs).unref();
  }

  shouldPrepare(text: string): boolean {
    if (this.admitted.has(text)) return true;
    if (!this.seen.has(text)) {
      this.seen.set(text, true);
      return false;
    }
    if (this.admitted.size >= this.capacity) return false;
    this.admitted.add(text);
    return true;
  }

  /** Texts admitted in the current period. */
  get size(): number {
    return this.admitted.size;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
