/**
 * Redis, where budgets are kept, killed (then started again) or frozen (SIGSTOP, then SIGCONT)
 * under load: no request may fail, and throughput during the outage must stay at least half of
 * before, which a frozen Redis allows only if the server waits out at most one command timeout
 * per breaker interval instead of one per request.
 */
import { runLoad, sleep } from '../load';
import type { RedisChild } from '../redis';
import { askKnown, begin, finish, pick, type Scenario, type ScenarioContext } from '../scenario';

interface Outage {
  name: string;
  /** what the outage does at its start and its end */
  start: (redis: RedisChild) => Promise<void> | void;
  end: (redis: RedisChild) => Promise<void> | void;
}

function redisOutage(outage: Outage): Scenario {
  return {
    name: outage.name,
    run: async (ctx: ScenarioContext) => {
      await ctx.redis.ensureUp();
      const server = await ctx.startServer({ REDIS_URL: ctx.redis.url });
      const result = await begin(outage.name, ctx, server);
      const phaseMs = ctx.short ? 2_500 : 15_000;
      const phases = ['before', 'during', 'after'] as const;
      const okIn = { before: 0, during: 0, after: 0 };
      const failedIn = { before: 0, during: 0, after: 0 };
      let phase: (typeof phases)[number] = 'before';
      let over = false;
      const driver = (async () => {
        // a second of warm-up, not counted, so 'before' measures a warm server
        await sleep(1_000);
        okIn.before = 0;
        failedIn.before = 0;
        await sleep(phaseMs);
        phase = 'during';
        await outage.start(ctx.redis);
        await sleep(phaseMs);
        await outage.end(ctx.redis);
        phase = 'after';
        await sleep(phaseMs);
        over = true;
      })();
      try {
        await runLoad(
          {
            workers: 16,
            requests: 10_000_000,
            seconds: (phaseMs * 3) / 1000 + 20,
            stop: () => over || server.exit !== null,
          },
          async () => {
            const at = phase;
            const { classified } = await askKnown(server, result.tally, pick(ctx.catalogue));
            if (classified.outcome === 'ok') okIn[at] += 1;
            else failedIn[at] += 1;
          },
        );
      } finally {
        await driver.catch(() => {});
        await ctx.redis.ensureUp();
      }
      const rate = (n: number) => (n / phaseMs) * 1000;
      const [before, during, after] = phases.map((p) => rate(okIn[p]));
      result.details.push(
        `answered req/s before ${before!.toFixed(0)}, during ${during!.toFixed(0)} (${((during! / before!) * 100).toFixed(0)}%), ` +
          `after ${after!.toFixed(0)} (${((after! / before!) * 100).toFixed(0)}%); failed before/during/after ` +
          `${failedIn.before}/${failedIn.during}/${failedIn.after}; errors: ${result.tally.codeSummary() || 'none'}`,
      );
      if (during! < before! * 0.5)
        result.missed.push(
          `throughput during the outage ${((during! / before!) * 100).toFixed(0)}% of before (target ≥ 50%)`,
        );
      if (after! < before! * 0.5)
        result.missed.push(`throughput after the outage ${((after! / before!) * 100).toFixed(0)}% of before`);
      if (result.tally.counts.unavailable > 0)
        result.missed.push(`${result.tally.counts.unavailable} requests unavailable`);
      return finish(result, ctx, server);
    },
  };
}

export const redisKilled = redisOutage({
  name: 'redis-killed',
  start: (redis) => redis.kill(),
  end: (redis) => redis.restart(),
});

export const redisFrozen = redisOutage({
  name: 'redis-frozen',
  start: (redis) => redis.freeze(),
  end: (redis) => redis.thaw(),
});
