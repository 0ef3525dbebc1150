/**
 * A small pool and a short deadline while a side connection locks the big tables: queries are
 * cancelled in numbers, and every answer that does come back must be its own request's.
 */
import { runLoad } from '../load';
import { askKnown, begin, finish, pick, type Scenario } from '../scenario';
import { lockTablesRepeatedly } from './table-locks';

export const deadlineAndLocks: Scenario = {
  name: 'deadline-and-locks',
  run: async (ctx) => {
    const timeoutMs = 300;
    const server = await ctx.startServer({ DB_POOL_MAX: '3', DB_QUERY_TIMEOUT_MS: String(timeoutMs) });
    const result = await begin('deadline-and-locks', ctx, server);
    const locks = lockTablesRepeatedly(ctx.db.sql, [300, 3_000], [500, 3_000]);
    const started = Date.now();
    try {
      await runLoad(
        {
          workers: 32,
          requests: ctx.short ? 6_000 : 100_000,
          seconds: ctx.short ? 12 : 900,
          stop: () => server.exit !== null,
        },
        async () => void (await askKnown(server, result.tally, pick(ctx.catalogue))),
      );
    } finally {
      await locks.stop();
    }
    const { locks: taken, lockedMs } = locks.taken();
    const elapsed = Date.now() - started;
    result.details.push(
      `pool 3, deadline ${timeoutMs} ms; ${taken} locks held ${(lockedMs / 1000).toFixed(0)} s of ${(elapsed / 1000).toFixed(0)} s; ` +
        `${ctx.catalogue.length} distinct recorded queries; ${((result.tally.requests / elapsed) * 1000).toFixed(0)} req/s; ` +
        `errors: ${result.tally.codeSummary() || 'none'}`,
    );
    return finish(result, ctx, server);
  },
};
