/**
 * When a failed delivery is tried again. After attempt n fails, the next waits a random time
 * between half and all of min(base · 2ⁿ, 8 hours) ("equal jitter", the same shape as pg-boss's
 * retryBackoff, capped so the schedule's end is not days of silence). Attempts go on until the
 * shortest possible waits add up to 24 hours; with the default base of 60 s that is 14 attempts
 * over 24¼ to 48½ hours (docs/webhooks.md lists them).
 */

/** The longest wait between two attempts, in seconds, before jitter halves it at most. */
export const MAX_RETRY_WAIT_SECONDS = 8 * 3_600;

/** How long, at least, a delivery is retried: 24 hours. */
export const RETRY_SPAN_SECONDS = 24 * 3_600;

/** The smallest base delay the settings accept, in seconds. */
export const MIN_RETRY_DELAY_SECONDS = 1;

/** The ceiling of the wait after attempt `n` (1 for the first) fails, in seconds. */
function ceilingAfter(n: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 2 ** n, MAX_RETRY_WAIT_SECONDS);
}

/** Seconds to wait after attempt `n` fails: uniform in [ceiling/2, ceiling]; `random` in [0, 1). */
export function retryWaitSeconds(n: number, baseSeconds: number, random: number = Math.random()): number {
  const ceiling = ceilingAfter(n, baseSeconds);
  return ceiling / 2 + (ceiling / 2) * random;
}

/** Attempts in all, the first included: enough that the shortest waits between them add up to 24 hours. */
export function attemptLimit(baseSeconds: number): number {
  let waited = 0;
  let attempts = 1;
  while (waited < RETRY_SPAN_SECONDS) {
    waited += ceilingAfter(attempts, baseSeconds) / 2;
    attempts += 1;
  }
  return attempts;
}

/** The most attempts any allowed base delay makes (the smallest base makes the most): what `attempts` can list. */
export const MAX_ATTEMPTS = attemptLimit(MIN_RETRY_DELAY_SECONDS);
