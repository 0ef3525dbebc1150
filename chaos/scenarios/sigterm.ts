/**
 * SIGTERM to the server under keep-alive load: requests in flight finish, connections close in
 * order (no ECONNRESET or socket hang up on the clients' side), and the process exits 0 within its grace.
 */
import { sleep } from '../load';
import { askKnown, begin, finish, memoryOf, pick, type Scenario } from '../scenario';
import type { ServerChild } from '../server';

const GRACE_MS = 10_000;

export const sigterm: Scenario = {
  name: 'sigterm',
  run: async (ctx) => {
    const rounds = ctx.short ? 2 : 6;
    let first: ServerChild | null = null;
    let result: Awaited<ReturnType<typeof begin>> | null = null;
    const lines: string[] = [];
    let resets = 0;
    let refused = 0;
    let answeredAfter = 0;
    for (let round = 0; round < rounds; round += 1) {
      const server = await ctx.startServer({ SHUTDOWN_GRACE_MS: String(GRACE_MS) });
      first ??= server;
      result ??= await begin('sigterm', ctx, server);
      let termAt = 0;
      const worker = async () => {
        // each client keeps going until its connection is refused: the listener is gone
        for (let n = 0; n < 100_000; n += 1) {
          const { result: reply } = await askKnown(server, result!.tally, pick(ctx.catalogue), 20_000);
          const after = termAt > 0 && reply.started + reply.ms >= termAt;
          if (reply.kind === 'failure') {
            if (reply.code === 'ECONNREFUSED') {
              refused += 1;
              return;
            }
            if (after) resets += 1;
            if (server.exit) return;
          } else if (after) answeredAfter += 1;
          if (server.exit && Date.now() > server.exit.at + 1_000) return;
        }
      };
      const workers = Array.from({ length: 32 }, worker);
      await sleep(ctx.short ? 1_500 : 3_000);
      if (round === rounds - 1) result.memoryEnd = await memoryOf(ctx, server);
      if (server.crashed) {
        result.crashes += 1;
        result.missed.push(`round ${round + 1}: the server crashed (${server.exitText()}) before SIGTERM`);
        result.evidence.push(`server's last lines:\n${server.tail(40)}`);
      }
      termAt = Date.now();
      server.signal('SIGTERM');
      const exit = await Promise.race([server.exited, sleep(GRACE_MS + 5_000).then(() => null)]);
      await Promise.all(workers);
      const exitMs = exit ? exit.at - termAt : null;
      lines.push(exit ? `${exit.signal ?? `code ${exit.code}`} after ${exitMs} ms` : 'still running');
      if (!exit) {
        result.missed.push(`round ${round + 1}: not exited ${(GRACE_MS + 5_000) / 1000} s after SIGTERM`);
        server.signal('SIGKILL');
      } else if (exit.code !== 0)
        result.missed.push(`round ${round + 1}: exited with ${exit.signal ?? `code ${exit.code}`}`);
      else if (exitMs! > GRACE_MS + 1_000) result.missed.push(`round ${round + 1}: exited only after ${exitMs} ms`);
    }
    // refused connections after the listener closed are orderly; they are not requests the server saw
    result!.tally.counts.connection -= refused;
    const stillRefused = (result!.tally.codes.get('ECONNREFUSED') ?? 0) - refused;
    if (stillRefused > 0) result!.tally.codes.set('ECONNREFUSED', stillRefused);
    else result!.tally.codes.delete('ECONNREFUSED');
    result!.details.push(
      `${rounds} rounds, 32 keep-alive clients: after SIGTERM ${answeredAfter} answered, ${resets} reset or hung up, ` +
        `${refused} refused once the listener closed (orderly); exits: ${lines.join(', ')}`,
    );
    return finish(result!, ctx, first!);
  },
};
