/** Concurrent clients, bounded in count and in time. */

export interface LoadBounds {
  /** clients sending at once */
  workers: number;
  /** at most this many calls of `one` in all */
  requests: number;
  /** and no call starts after this many seconds */
  seconds: number;
  /** checked before each call; true ends the load early (a crash, a phase over) */
  stop?: () => boolean;
}

/** Calls `one(i)` for i = 0, 1, 2… from `workers` clients at once until a bound is reached; returns the calls made. */
export async function runLoad(bounds: LoadBounds, one: (i: number) => Promise<void>): Promise<number> {
  const deadline = Date.now() + bounds.seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (next < bounds.requests && Date.now() < deadline && !bounds.stop?.()) await one(next++);
  };
  await Promise.all(Array.from({ length: bounds.workers }, worker));
  return next;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Uniform in [min, max). */
export const between = (min: number, max: number) => min + Math.random() * (max - min);

/** The value at fraction `q` of sorted `values` (0 when empty). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
