/**
 * Every pooled connection stuck behind a held lock, and more requests waiting for the pool: each
 * must fail with SERVICE_UNAVAILABLE near the deadline rather than hang, and requests recover after.
 */
import { quantile, runLoad, sleep } from '../load';
import { askKnown, begin, finish, pick, type Scenario } from '../scenario';
import { recoveryMs, type Timed } from './recovery';
import { BIG_TABLES, holdLocks } from './table-locks';

export const poolHeld: Scenario = {
  name: 'pool-held',
  run: async (ctx) => {
    const timeoutMs = 1_000;
    const pool = 3;
    const server = await ctx.startServer({ DB_POOL_MAX: String(pool), DB_QUERY_TIMEOUT_MS: String(timeoutMs) });
    const result = await begin('pool-held', ctx, server);
    const cycles = ctx.short ? 2 : 10;
    const holdMs = ctx.short ? 2_500 : 3_000;
    const freeMs = ctx.short ? 2_500 : 3_000;
    const timed: Timed[] = [];
    const failedMs: number[] = [];
    const releases: number[] = [];
    let holding = true;
    const holder = (async () => {
      await sleep(1_000);
      for (let c = 0; c < cycles && !server.exit; c += 1) {
        await holdLocks(ctx.db.sql, BIG_TABLES, holdMs);
        releases.push(Date.now());
        await sleep(freeMs);
      }
      holding = false;
    })();
    await runLoad(
      // four clients per pooled connection: most wait for the pool, not for the lock
      {
        workers: pool * 4,
        requests: 1_000_000,
        seconds: cycles * 7 + 10,
        stop: () => server.exit !== null || !holding,
      },
      async () => {
        const { classified, result: reply } = await askKnown(server, result.tally, pick(ctx.catalogue), 15_000);
        const ok = classified.outcome === 'ok';
        timed.push({ started: reply.started, finished: reply.started + reply.ms, ok });
        if (!ok) failedMs.push(reply.ms);
      },
    );
    await holder;
    // recovery after each release: the window until the next hold (or the end)
    const recoveries = releases.map((at) =>
      recoveryMs(
        timed.filter((r) => r.finished < at + freeMs),
        at,
        at + freeMs,
      ),
    );
    const worst = recoveries.some((r) => r === null) ? null : Math.max(0, ...(recoveries as number[]));
    const slowest = Math.max(0, ...failedMs);
    result.details.push(
      `pool ${pool}, deadline ${timeoutMs} ms, ${cycles} holds of ${holdMs / 1000} s on ${BIG_TABLES.length} tables; ` +
        `failures answered in p50 ${quantile(failedMs, 0.5)} ms, p99 ${quantile(failedMs, 0.99)} ms, max ${slowest} ms; ` +
        `slowest recovery after a release: ${worst === null ? `none within ${freeMs / 1000} s` : `${worst} ms`}; errors: ${result.tally.codeSummary() || 'none'}`,
    );
    // a request may wait out a few deadlines in a row (its statements run one after another)
    if (slowest > 3 * timeoutMs) result.missed.push(`a failure took ${slowest} ms (more than 3 deadlines)`);
    if (result.tally.counts.unavailable === 0)
      result.missed.push('no request waited out the deadline: the hold did not bite');
    if (worst === null) result.missed.push(`requests still failing ${freeMs / 1000} s after a release`);
    else if (worst > 2_000) result.missed.push(`recovered only ${worst} ms after a release`);
    return finish(result, ctx, server);
  },
};
