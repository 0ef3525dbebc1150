/**
 * Under load, the server's PostgreSQL backends are terminated again and again: the process must
 * live, every failure must be SERVICE_UNAVAILABLE, and requests must succeed within 2 s of the last kill.
 */
import { runLoad, sleep } from '../load';
import { graphqlPost } from '../http';
import { ask, askKnown, begin, finish, pick, type Scenario, type ScenarioContext } from '../scenario';
import type { ServerChild } from '../server';
import type { Tally } from '../outcomes';
import { recoveryMs, type Timed } from './recovery';

export const backendsTerminated: Scenario = {
  name: 'backends-terminated',
  run: async (ctx) => {
    // keys' last use flushed often, so the flush's statement is among those killed
    const server = await ctx.startServer({
      DB_POOL_MAX: '10',
      DB_QUERY_TIMEOUT_MS: '2000',
      KEY_LAST_USE_FLUSH_MS: '200',
    });
    const result = await begin('backends-terminated', ctx, server);
    const kills = ctx.short ? 4 : 20;
    const observeMs = ctx.short ? 3_000 : 5_000;
    const timed: Timed[] = [];
    let killing = true;
    let lastKill = 0;
    let terminated = 0;
    const killer = (async () => {
      await sleep(1_000);
      for (let k = 0; k < kills && !server.exit; k += 1) {
        const rows = await ctx.db.sql<{ done: boolean }[]>`select pg_terminate_backend(pid) as done
          from pg_stat_activity where datname = ${ctx.db.name} and application_name = 'gongyi-graph'`;
        terminated += rows.filter((r) => r.done).length;
        lastKill = Date.now();
        await sleep(k === kills - 1 ? 0 : 400 + Math.random() * 800);
      }
      killing = false;
    })();
    let end = 0;
    await runLoad(
      {
        workers: 24,
        requests: 1_000_000,
        seconds: kills * 1.4 + 10,
        stop: () => server.exit !== null || (!killing && Date.now() > lastKill + observeMs),
      },
      async (i) => {
        const { classified, result: reply } =
          i % 10 === 0
            ? await writeKeys(ctx, server, result.tally)
            : await askKnown(
                server,
                result.tally,
                pick(ctx.catalogue),
                15_000,
                i % 3 === 0 ? ctx.db.authorization : undefined,
              );
        timed.push({ started: reply.started, finished: reply.started + reply.ms, ok: classified.outcome === 'ok' });
        end = Math.max(end, reply.started + reply.ms);
      },
    );
    await killer;
    const recovery = server.exit ? null : recoveryMs(timed, lastKill, end);
    result.details.push(
      `${kills} rounds of pg_terminate_backend, ${terminated} backends terminated; ` +
        `recovery after the last: ${recovery === null ? 'none' : `${recovery} ms`}; errors: ${result.tally.codeSummary() || 'none'}`,
    );
    if (recovery === null && !server.exit)
      result.missed.push(`requests still failing ${observeMs / 1000} s after the last kill`);
    else if (recovery !== null && recovery > 2_000) result.missed.push(`recovered only after ${recovery} ms`);
    return finish(result, ctx, server);
  },
};

/** One request in ten writes: a key created and revoked with the run's INTERNAL key. */
async function writeKeys(ctx: ScenarioContext, server: ServerChild, tally: Tally) {
  const headers = { authorization: ctx.db.authorization };
  const created = await ask(
    server,
    tally,
    graphqlPost(
      {
        query:
          'mutation { createApiKey(input: {name: "chaos churn", tier: DEVELOPER}) { ... on CreateApiKeySuccess { apiKey { id } } ... on UserError { code } } }',
      },
      headers,
    ),
  );
  if (created.classified.outcome !== 'ok' || created.result.kind !== 'reply') return created;
  const id = (JSON.parse(created.result.text) as { data: { createApiKey: { apiKey?: { id: string } } } }).data
    .createApiKey.apiKey?.id;
  if (!id) return created;
  return ask(
    server,
    tally,
    graphqlPost(
      {
        query:
          'mutation($id: ID!) { revokeApiKey(input: {id: $id}) { ... on RevokeApiKeySuccess { apiKey { id } } ... on UserError { code } } }',
        variables: { id },
      },
      headers,
    ),
  );
}
