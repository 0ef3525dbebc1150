/** What every scenario is given and what it hands back for the table. */
import type { Known } from './catalogue';
import type { ChaosDatabase } from './database';
import type { Fixtures } from './fixtures';
import { send, type HttpRequest, type HttpResult } from './http';
import { backendsMb, rssMb } from './memory';
import { classify, Tally, type Classified, type Outcome } from './outcomes';
import type { RedisChild } from './redis';
import type { ServerChild } from './server';

export interface ScenarioContext {
  /** CI's sizes */
  short: boolean;
  db: ChaosDatabase;
  redis: RedisChild;
  fixtures: Fixtures;
  /** the recorded queries and answers */
  catalogue: Known[];
  log: (line: string) => void;
  /** Starts a server with these settings over the run's; the harness stops it after the scenario. */
  startServer: (env?: Record<string, string>) => Promise<ServerChild>;
}

export interface Memory {
  rssMb: number | null;
  backendsMb: number | null;
}

export interface ScenarioResult {
  name: string;
  tally: Tally;
  crashes: number;
  memoryStart: Memory;
  memoryEnd: Memory;
  /** targets missed; empty is a pass */
  missed: string[];
  /** the scenario's own figures, one line */
  details: string[];
  /** reproducing requests, log lines: printed under the table when the scenario fails */
  evidence: string[];
  seconds: number;
}

export interface Scenario {
  name: string;
  run: (ctx: ScenarioContext) => Promise<ScenarioResult>;
}

export async function memoryOf(ctx: ScenarioContext, server: ServerChild): Promise<Memory> {
  const backends = await backendsMb(ctx.db.sql, ctx.db.name).catch(() => null);
  return { rssMb: rssMb(server.pid), backendsMb: backends ? backends.mb : null };
}

/** A result to fill in, its tally reading `server`'s log for masked errors' lines. */
export async function begin(
  name: string,
  ctx: ScenarioContext,
  server: ServerChild,
  keep = 5,
): Promise<ScenarioResult> {
  return {
    name,
    tally: new Tally((ids) => server.linesNaming(ids), keep),
    crashes: 0,
    memoryStart: await memoryOf(ctx, server),
    memoryEnd: { rssMb: null, backendsMb: null },
    missed: [],
    details: [],
    evidence: [],
    seconds: 0,
  };
}

/**
 * Closes a result: memory at the end, a crash with the server's last lines, and the targets
 * every scenario shares: no wrong answer, no internal error, no failed connection unless allowed.
 */
export async function finish(
  result: ScenarioResult,
  ctx: ScenarioContext,
  server: ServerChild,
  options: { connectionFailuresAllowed?: boolean; clientErrorsAllowed?: boolean } = {},
): Promise<ScenarioResult> {
  if (!server.exit) result.memoryEnd = await memoryOf(ctx, server);
  if (server.crashed) {
    result.crashes += 1;
    result.missed.push(`the server crashed (${server.exitText()})`);
    result.evidence.push(`server's last lines before it exited:\n${server.tail(40)}`);
  }
  const { counts, examples } = result.tally;
  if (counts.wrong > 0) result.missed.push(`${counts.wrong} wrong answers`);
  if (counts.internal > 0) result.missed.push(`${counts.internal} internal errors`);
  if (counts.clientError > 0 && !options.clientErrorsAllowed)
    result.missed.push(`${counts.clientError} client errors to valid queries`);
  if (counts.connection > 0 && !options.connectionFailuresAllowed)
    result.missed.push(`${counts.connection} failed connections (${result.tally.codeSummary()})`);
  const shown = ['wrong', 'internal', 'connection', ...(options.clientErrorsAllowed ? [] : ['clientError'])] as const;
  for (const outcome of shown as readonly Outcome[])
    for (const example of examples[outcome])
      result.evidence.push(
        [
          `${outcome}: ${example.request}`,
          `  got ${example.response}`,
          ...(example.note ? [`  ${example.note}`] : []),
          ...(example.log.length ? example.log : server.linesNaming(example.errorIds)).map(
            (line) => `  server log: ${line}`,
          ),
        ].join('\n'),
      );
  return result;
}

/** Sends a recorded query, classifies the answer against the recording, counts it. */
export async function askKnown(
  server: ServerChild,
  tally: Tally,
  known: Known,
  timeoutMs = 15_000,
  authorization?: string,
): Promise<{ classified: Classified; result: HttpResult }> {
  const request = authorization
    ? { ...known.request, headers: { ...known.request.headers, authorization } }
    : known.request;
  return ask(server, tally, request, known.expected, timeoutMs);
}

export async function ask(
  server: ServerChild,
  tally: Tally,
  request: HttpRequest,
  expected?: unknown,
  timeoutMs = 15_000,
  group?: string,
): Promise<{ classified: Classified; result: HttpResult }> {
  const result = await send(server, request, timeoutMs);
  const classified = classify(result, expected);
  tally.record(classified, request, result, expected, group);
  return { classified, result };
}

export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Seconds, one decimal. */
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
