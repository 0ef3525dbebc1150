/** When requests succeed again after a disruption ends. */

export interface Timed {
  started: number;
  finished: number;
  ok: boolean;
}

/**
 * Milliseconds from `since` until the last failure among requests started after it finished, or
 * null when requests were still failing within `settleMs` of the end (not recovered) or none succeeded.
 */
export function recoveryMs(requests: Timed[], since: number, end: number, settleMs = 500): number | null {
  const after = requests.filter((r) => r.started >= since && r.started < end);
  if (!after.some((r) => r.ok)) return null;
  const lastFailure = Math.max(since, ...after.filter((r) => !r.ok).map((r) => r.finished));
  if (lastFailure > end - settleMs) return null;
  return lastFailure - since;
}
