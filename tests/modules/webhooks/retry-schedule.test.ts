import {
  attemptLimit,
  MAX_ATTEMPTS,
  MAX_RETRY_WAIT_SECONDS,
  retryWaitSeconds,
} from '../../../src/modules/webhooks/retry-schedule';

/** The shortest and longest time from the first attempt to the last, in hours. */
function span(baseSeconds: number): { attempts: number; shortest: number; longest: number } {
  const attempts = attemptLimit(baseSeconds);
  let shortest = 0;
  let longest = 0;
  for (let n = 1; n < attempts; n += 1) {
    shortest += retryWaitSeconds(n, baseSeconds, 0);
    longest += retryWaitSeconds(n, baseSeconds, 1);
  }
  return { attempts, shortest: shortest / 3_600, longest: longest / 3_600 };
}

describe('the webhook retry schedule', () => {
  it('waits between half and all of base · 2ⁿ after attempt n fails, at most 8 hours', () => {
    expect([1, 2, 3].map((n) => [retryWaitSeconds(n, 60, 0), retryWaitSeconds(n, 60, 1)])).toEqual([
      [60, 120],
      [120, 240],
      [240, 480],
    ]);
    expect(retryWaitSeconds(20, 60, 1)).toBe(MAX_RETRY_WAIT_SECONDS);
    expect(retryWaitSeconds(20, 60, 0)).toBe(MAX_RETRY_WAIT_SECONDS / 2);
  });

  it('retries for at least 24 hours whatever the base delay, and for 14 attempts over 24¼–48½ hours at the default 60 s', () => {
    expect(span(60)).toEqual({ attempts: 14, shortest: 24.25, longest: 48.5 });
    for (const base of [1, 5, 30, 60, 600, 3_600]) expect(span(base).shortest).toBeGreaterThanOrEqual(24);
  });

  it('makes the most attempts at the smallest base delay the settings allow', () => {
    expect(MAX_ATTEMPTS).toBe(20);
    expect(attemptLimit(1)).toBe(MAX_ATTEMPTS);
  });
});
