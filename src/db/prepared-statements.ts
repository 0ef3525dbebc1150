import { LRUCache } from 'lru-cache';

/** Bytes of statement text remembered with their recent runs; older texts are forgotten first. */
const SEEN_BYTES = 8 * 1024 * 1024;

/**
 * A text is hot, and worth preparing, once it has run this often within HOT_WINDOW_MS (every three
 * seconds); run less often, planning it each time costs little, and 10,000 documents spread evenly
 * over 500 requests a second never get there.
 */
const HOT_RUNS = 20;
const HOT_WINDOW_MS = 60_000;

/**
 * Which statement texts postgres.js prepares. A prepared statement lives in its connection's
 * backend, plan included, until the connection closes, and clients may send any number of distinct
 * documents: so only hot texts are prepared (run HOT_RUNS times within a minute, as a dashboard's
 * or an app's busiest documents are), at most `capacity` texts are admitted per period, and the rest
 * are sent unnamed, planned and forgotten. Connections live at most one period (the pool's
 * `max_lifetime`), so none spans more than two periods or holds more than 2 × `capacity`.
 */
export class PreparedStatementPolicy {
  private admitted = new Set<string>();
  /** runs of each text since it was first seen, for HOT_WINDOW_MS */
  private readonly runs = new LRUCache<string, number>({
    maxSize: SEEN_BYTES,
    sizeCalculation: (_runs, text) => text.length * 2 + 64,
    ttl: HOT_WINDOW_MS,
    noUpdateTTL: true,
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
    const runs = (this.runs.get(text) ?? 0) + 1;
    this.runs.set(text, runs);
    if (runs < HOT_RUNS || this.admitted.size >= this.capacity) return false;
    this.admitted.add(text);
    this.runs.delete(text);
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
