/**
 * `npm run chaos`: the server as a real process over loopback, on its own PostgreSQL database and
 * its own redis-server, put through each scenario in turn; prints scenario × outcomes × memory and
 * exits 1 when any scenario misses its target. `--short` is CI's size (the whole matrix in about
 * two minutes), `--scenarios a,b` runs only those; full sizes write chaos/RESULTS.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { recordCatalogue } from './catalogue';
import { createChaosDatabase, type ChaosDatabase } from './database';
import { readFixtures } from './fixtures';
import { RedisChild } from './redis';
import { evidence, notes, table, writeResults } from './report';
import type { Scenario, ScenarioContext, ScenarioResult } from './scenario';
import { ServerChild } from './server';
import { backendsTerminated } from './scenarios/backends-terminated';
import { deadlineAndLocks } from './scenarios/deadline-and-locks';
import { distinctDocuments } from './scenarios/distinct-documents';
import { hostileInputs } from './scenarios/hostile-inputs';
import { poolHeld } from './scenarios/pool-held';
import { redisFrozen, redisKilled } from './scenarios/redis-outages';
import { sigterm } from './scenarios/sigterm';
import { Tally } from './outcomes';

const SCENARIOS: Scenario[] = [
  deadlineAndLocks,
  backendsTerminated,
  poolHeld,
  redisKilled,
  redisFrozen,
  distinctDocuments,
  hostileInputs,
  sigterm,
];

const { values: args } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    scenarios: { type: 'string' },
  },
});
const short = args.short!;
const chosen = args.scenarios
  ? args.scenarios.split(',').map((name) => {
      const scenario = SCENARIOS.find((s) => s.name === name.trim());
      if (!scenario)
        throw new Error(`--scenarios: no scenario ${name}; there are ${SCENARIOS.map((s) => s.name).join(', ')}`);
      return scenario;
    })
  : SCENARIOS;
const log = (line: string) => process.stdout.write(`${line}\n`);

/** What must be undone however the run ends. */
const servers = new Set<ServerChild>();
let redis: RedisChild | null = null;
let db: ChaosDatabase | null = null;

async function cleanUp(): Promise<void> {
  await Promise.all([...servers].map((s) => s.stop(3_000)));
  redis?.killNow();
  redis = null;
  const dropping = db;
  db = null;
  if (dropping) {
    await dropping.drop().catch((error: unknown) => log(`could not drop ${dropping.name}: ${String(error)}`));
    log(`dropped database ${dropping.name}`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    log(`\n${signal}: stopping the servers and dropping the database`);
    const forced = setTimeout(() => process.exit(130), 15_000);
    forced.unref();
    void cleanUp().finally(() => process.exit(130));
  });
// whatever happens, no child outlives the run
process.once('exit', () => {
  for (const server of servers) server.killNow();
  redis?.killNow();
});

/** A failed scenario's row: everything zero, the error as what it missed. */
function broken(name: string, error: unknown, seconds: number): ScenarioResult {
  return {
    name,
    tally: new Tally(),
    crashes: 0,
    memoryStart: { rssMb: null, backendsMb: null },
    memoryEnd: { rssMb: null, backendsMb: null },
    missed: [`the scenario itself failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`],
    details: [],
    evidence: [error instanceof Error ? (error.stack ?? error.message) : String(error)],
    seconds,
  };
}

async function main(): Promise<number> {
  const started = new Date();
  const adminUrl = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
  db = await createChaosDatabase(adminUrl, log);
  redis = await RedisChild.start();
  log(`redis-server on port ${redis.port}`);
  const fixtures = await readFixtures(db.sql);
  const startServer = async (env: Record<string, string> = {}) => {
    const server = await ServerChild.start({ DATABASE_URL: db!.url, REDIS_URL: redis!.url, ...env });
    servers.add(server);
    return server;
  };
  const recorder = await startServer();
  const catalogue = await recordCatalogue(recorder, fixtures);
  await recorder.stop();
  servers.delete(recorder);
  log(`recorded ${catalogue.length} queries' answers on a quiet server`);

  const ctx: ScenarioContext = { short, db, redis, fixtures, catalogue, log, startServer };
  const results: ScenarioResult[] = [];
  for (const scenario of chosen) {
    const began = Date.now();
    log(`\n${scenario.name}…`);
    let result: ScenarioResult;
    try {
      result = await scenario.run(ctx);
    } catch (error) {
      result = broken(scenario.name, error, 0);
    }
    result.seconds = (Date.now() - began) / 1000;
    for (const server of servers) await server.stop();
    servers.clear();
    await ctx.redis.ensureUp();
    results.push(result);
    log(
      `${scenario.name}: ${result.missed.length ? `FAIL (${result.missed.join('; ')})` : 'PASS'} in ${result.seconds.toFixed(0)} s`,
    );
  }

  const seconds = (Date.now() - started.getTime()) / 1000;
  log(`\n${table(results)}\n\n${notes(results)}\n`);
  const failures = evidence(results);
  if (failures) log(`## Evidence of the failures\n\n${failures}\n`);
  log(`${short ? 'short' : 'full'} run: ${(seconds / 60).toFixed(1)} minutes`);
  if (!short && !args.scenarios) {
    const file = path.join(__dirname, 'RESULTS.md');
    writeResults(file, results, { started, seconds, command: 'npm run chaos' });
    log(`wrote chaos/RESULTS.md`);
  }
  return results.some((r) => r.missed.length > 0) ? 1 : 0;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`chaos failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    await cleanUp();
    process.exit(2);
  });
