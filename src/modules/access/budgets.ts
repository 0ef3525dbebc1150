import { LRUCache } from 'lru-cache';

/** A caller's budget for the current window, in points. */
export interface Budget {
  limit: number;
  used: number;
  remaining: number;
  /** when the window ends and `used` returns to 0 */
  resetAt: Date;
}

/** The outcome of charging a request: whether it fits, and the budget as it stands afterwards. */
export interface Charge extends Budget {
  cost: number;
  allowed: boolean;
}

/**
 * Hourly budgets, GitHub's way: a caller's window opens at its first charge and lasts
 * `windowMs`; a charge that does not fit is refused whole and takes nothing.
 */
export interface BudgetStore {
  /**
   * Takes `cost` points from `key`'s budget of `limit` if they fit; cost 0 only reads it. A
   * window opened here lasts `windowMs`, the store's own unless given.
   */
  charge(key: string, cost: number, limit: number, windowMs?: number): Promise<Charge>;
  close(): Promise<void>;
}

interface Window {
  used: number;
  resetAt: number;
}

/** The charge of `cost` against `used` points of a window ending at `resetAt` (ms). */
export function chargeWindow(used: number, resetAt: number, cost: number, limit: number): Charge {
  const allowed = used + cost <= limit;
  const after = allowed ? used + cost : used;
  return { cost, allowed, limit, used: after, remaining: Math.max(0, limit - after), resetAt: new Date(resetAt) };
}

/** Bytes the windows of one process may take: about 100,000 callers' worth. */
const WINDOWS_BYTES = 16 * 1024 * 1024;

/** Budgets held in this process: what a single instance uses, and every instance's fallback. */
export class MemoryBudgetStore implements BudgetStore {
  /** windows end on their own; the bound keeps a flood of client addresses from growing memory */
  private readonly windows: LRUCache<string, Window>;

  constructor(private readonly windowMs: number) {
    this.windows = new LRUCache<string, Window>({
      maxSize: WINDOWS_BYTES,
      // the key (UTF-16), the window object and the cache's own entry
      sizeCalculation: (_window, key) => 2 * key.length + 96,
      ttl: windowMs,
      ttlAutopurge: false,
    });
  }

  async charge(key: string, cost: number, limit: number, windowMs = this.windowMs): Promise<Charge> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { used: 0, resetAt: now + windowMs };
      if (cost > 0) this.windows.set(key, window, { ttl: windowMs });
    }
    const charge = chargeWindow(window.used, window.resetAt, cost, limit);
    window.used = charge.used;
    return charge;
  }

  async close(): Promise<void> {
    this.windows.clear();
  }
}
