/**
 * `npm run bench:random -- [--queries N] [--seed S] [--runs R] [--confirm-runs C] [--smoke]`:
 * random valid queries (the reliability fuzzer's generator, weighted as tests/fuzz weights it) on
 * two in-process servers over one database, one compiling reads to SQL and one running resolvers
 * only, with their answers compared and their times set side by side; so no class of query falls
 * behind the resolvers unnoticed.
 *
 * On the large set `gongyi_bench` (read only: it must already be loaded and migrated by `npm run
 * bench`), or with `--smoke` on `gongyi_bench_smoke` (loaded as `npm run bench -- --smoke` does).
 * Each query runs once on both servers for the comparison, then `--runs` times on each (5), the
 * two alternating and taking turns to go first; its speed is the resolvers' median time ÷ ours,
 * so above 1 the compiled path is faster. A query below 1 is then timed `--confirm-runs` times
 * more (10), since one pass on a shared machine puts many there by chance. Prints a Markdown
 * report: by cost, by outcome, per root field, per class (the set of root fields), the classes
 * below 1 with their slowest documents, and the slowest queries; `--details FILE` writes every
 * query's times and the SQL each server sent for it. Exits 1 on a difference in the answers or an
 * internal error; a query that ran out of time on either path is listed, not compared.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildSchema } from 'graphql';
import { openDatabase } from '../src/db/client';
import { LARGE } from '../src/db/seed/synthetic';
import { loadTypeDefs } from '../src/schema';
import { sqlSchema } from '../src/sql-schema';
import {
  describeDifference,
  favouringSql,
  FIRST_VALUES,
  hasInternalError,
  normalized,
  SERVER_OPTIONS,
  type Answer,
  type Difference,
} from '../tests/fuzz/both-paths';
import { KnownValues, randomQuery } from '../tests/support/random-queries';
import { serveTestDatabase, type TestServer } from '../tests/support/server';
import { databaseUrl, notReadyReason, prepareDatabase } from './database';
import { rootFields } from './query-class';
import { SMOKE } from './smoke';
import { median } from './median';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    queries: { type: 'string' },
    seed: { type: 'string', default: 'bench' },
    runs: { type: 'string' },
    /** a query's timed runs stop once they have taken this long, after at least one on each server */
    'budget-seconds': { type: 'string', default: '20' },
    /** more timed runs for each query below 1 after the first pass, whose figures then count all runs */
    'confirm-runs': { type: 'string' },
    'timeout-ms': { type: 'string', default: '10000' },
    details: { type: 'string' },
  },
});
const smoke = args.smoke!;
const count = positive('queries', args.queries ?? (smoke ? '20' : '300'));
const runs = positive('runs', args.runs ?? (smoke ? '1' : '5'));
const confirmRuns = Number(args['confirm-runs'] ?? (smoke ? '0' : '10'));
const budgetMs = positive('budget-seconds', args['budget-seconds']!) * 1000;
const timeoutMs = positive('timeout-ms', args['timeout-ms']!);
const log = (line: string) => process.stderr.write(`${line}\n`);
const out = (line = '') => process.stdout.write(`${line}\n`);

/** Classes and documents listed among the slowest. */
const WORST = 5;
/** Characters of a document shown in the report. */
const SHOWN_CHARS = 500;

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${text}`);
  return n;
}

/** One query's figures: times in milliseconds, medians of its timed runs. */
interface Measured {
  index: number;
  document: string;
  variables: Record<string, unknown>;
  roots: string[];
  class: string;
  ours: number;
  resolvers: number;
  /** resolvers ÷ ours: above 1 the compiled path is faster */
  speed: number;
  /** every timed run's milliseconds, per server */
  times: Times;
  statements: { ours: number; resolvers: number };
  /** what each server sent for it, in the comparison run */
  sql: Record<'ours' | 'resolvers', Array<{ query: string; params: readonly unknown[] }>>;
  /** an answer (either path's) holds a SERVICE_UNAVAILABLE error: the database ran out of time */
  timedOut: boolean;
  errorCode: string | null;
}

async function main(): Promise<number> {
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) throw new Error('npm run bench:random needs DATABASE_URL: the PostgreSQL server holding gongyi_bench');
  const name = smoke ? 'gongyi_bench_smoke' : 'gongyi_bench';
  const url = smoke ? await prepareDatabase(adminUrl, name, SMOKE, log) : await largeSet(adminUrl, name);
  const database = await openDatabase({ url, dataDir: '', poolMax: 10, queryTimeoutMs: timeoutMs });
  const db = { database, url, drop: () => database.close() };
  // no job worker nor queue maintenance: the servers only read
  const options = { ...SERVER_OPTIONS, jobs: { work: false } };
  const ours = await serveTestDatabase(db, { ...options, compiledReads: true });
  const resolvers = await serveTestDatabase(db, { ...options, compiledReads: false });
  const started = Date.now();
  const loadBefore = loadavg();
  try {
    const schema = buildSchema(loadTypeDefs());
    const weight = favouringSql(sqlSchema);
    const known = new KnownValues();
    // the seed queries teach IDs, codes and names, and warm both servers (parsing, plans, caches)
    for (let i = 0; i < 3; i += 1) {
      await ours.query(FIRST_VALUES);
      known.learn((await resolvers.query(FIRST_VALUES)).body.data);
    }
    const measured: Measured[] = [];
    const differences: Difference[] = [];
    for (let index = 0; index < count; index += 1) {
      const query = randomQuery(schema, args.seed!, index, known, { weight });
      const sql: Measured['sql'] = { ours: [], resolvers: [] };
      const answers = {} as Record<keyof Measured['sql'], Answer>;
      const statements = { ours: 0, resolvers: 0 };
      for (const [kind, server] of [
        ['ours', ours],
        ['resolvers', resolvers],
      ] as const) {
        const stopWatching = database.watchStatements((text, params) => sql[kind].push({ query: text, params }));
        const before = database.statementCount();
        answers[kind] = (await timed(server, query.document, query.variables)).answer;
        statements[kind] = database.statementCount() - before;
        stopWatching();
      }
      const { ours: compiled, resolvers: resolved } = answers;
      const timedOut = unavailable(compiled) || unavailable(resolved);
      const difference = { index, query, compiled, resolved };
      if (hasInternalError(compiled) || hasInternalError(resolved)) differences.push(difference);
      else if (!timedOut && JSON.stringify(compiled) !== JSON.stringify(resolved)) differences.push(difference);
      known.learn((resolved.body as { data?: unknown }).data, query.cursorSites);

      const times = await timeQuery({ ours, resolvers }, query, index, runs);
      const roots = rootFields(query.document);
      measured.push({
        index,
        document: query.document,
        variables: query.variables,
        roots,
        class: roots.join('+'),
        ...speedOf(times),
        times,
        statements,
        sql,
        timedOut,
        errorCode: firstErrorCode(resolved) ?? firstErrorCode(compiled),
      });
      if ((index + 1) % 25 === 0 || index + 1 === count)
        log(
          `${index + 1}/${count}: ${differences.length} differences, ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
    }
    // the machine's noise puts many a query below 1 once: those are timed again, and their figures are all their runs
    const candidates = measured.filter((m) => m.speed < 1);
    if (confirmRuns > 0) log(`timing the ${candidates.length} queries below 1 again, ${confirmRuns} runs each`);
    for (const m of confirmRuns > 0 ? candidates : []) {
      const more = await timeQuery({ ours, resolvers }, m, m.index + 1, confirmRuns);
      m.times = { ours: [...m.times.ours, ...more.ours], resolvers: [...m.times.resolvers, ...more.resolvers] };
      Object.assign(m, speedOf(m.times));
    }
    report(measured, differences, { started, loadBefore, loadAfter: loadavg(), name, confirmed: candidates.length });
    if (args.details) writeFileSync(args.details, JSON.stringify(measured, null, 1));
    return differences.length > 0 ? 1 : 0;
  } finally {
    await ours.close();
    await resolvers.close();
    await database.close();
  }
}

/** The large set's URL, after checking it holds LARGE and every migration; it is never written. */
async function largeSet(adminUrl: string, name: string): Promise<string> {
  const reason = await notReadyReason(adminUrl, name, LARGE);
  if (reason) throw new Error(`${reason}: npm run bench loads and migrates it (this mode only reads)`);
  return databaseUrl(adminUrl, name);
}

type Times = Record<'ours' | 'resolvers', number[]>;

/**
 * `runs` timed runs of a query on each server, the two alternating and taking turns to go first
 * (`turn` says who starts); fewer once the runs have taken the budget, but at least one each.
 */
async function timeQuery(
  servers: Record<keyof Times, TestServer>,
  query: { document: string; variables: Record<string, unknown> },
  turn: number,
  runs: number,
): Promise<Times> {
  const times: Times = { ours: [], resolvers: [] };
  const started = performance.now();
  for (let run = 0; run < runs && performance.now() - started < budgetMs; run += 1) {
    const order: Array<keyof Times> = (turn + run) % 2 === 0 ? ['ours', 'resolvers'] : ['resolvers', 'ours'];
    for (const kind of order) times[kind].push((await timed(servers[kind], query.document, query.variables)).ms);
  }
  return times;
}

function speedOf(times: Times): Pick<Measured, 'ours' | 'resolvers' | 'speed'> {
  const ours = median(times.ours);
  const resolvers = median(times.resolvers);
  return { ours, resolvers, speed: resolvers / ours };
}

async function timed(
  server: TestServer,
  document: string,
  variables: Record<string, unknown>,
): Promise<{ ms: number; answer: Answer }> {
  const start = performance.now();
  const response = await server.query(document, variables);
  const ms = performance.now() - start;
  return { ms, answer: normalized(response) };
}

function errorsOf(answer: Answer): Array<{ extensions?: { code?: string } }> {
  return (answer.body as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? [];
}

function unavailable(answer: Answer): boolean {
  return errorsOf(answer).some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
}

function firstErrorCode(answer: Answer): string | null {
  const [first] = errorsOf(answer);
  return first ? (first.extensions?.code ?? 'NO_CODE') : null;
}

interface Group {
  key: string;
  queries: Measured[];
  speed: number;
  ours: number;
  resolvers: number;
}

function groupBy(measured: readonly Measured[], keys: (m: Measured) => readonly string[]): Group[] {
  const groups = new Map<string, Measured[]>();
  for (const m of measured) for (const key of keys(m)) groups.set(key, [...(groups.get(key) ?? []), m]);
  return [...groups]
    .map(([key, queries]) => ({
      key,
      queries,
      speed: median(queries.map((q) => q.speed)),
      ours: median(queries.map((q) => q.ours)),
      resolvers: median(queries.map((q) => q.resolvers)),
    }))
    .sort((a, b) => a.speed - b.speed);
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const x = (n: number) => n.toFixed(2);
const oneLine = (text: string, limit = SHOWN_CHARS) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > limit ? `${line.slice(0, limit)}…` : line;
};

function report(
  measured: readonly Measured[],
  differences: readonly Difference[],
  run: { started: number; loadBefore: number[]; loadAfter: number[]; name: string; confirmed: number },
): void {
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(' ');
  const speeds = measured.map((m) => m.speed);
  out(`Random queries on ${run.name}: seed \`${args.seed}\`, ${measured.length} queries, up to ${runs} timed runs`);
  out(`each per server (median; ${budgetMs / 1000} s per query at most), ${new Date().toISOString()}, in`);
  out(
    `${((Date.now() - run.started) / 1000).toFixed(0)} s; load average ${load(run.loadBefore)} before, ${load(run.loadAfter)} after.`,
  );
  if (confirmRuns > 0)
    out(
      `The ${run.confirmed} queries below 1 after the first pass were timed ${confirmRuns} times more; their figures count every run.`,
    );
  out(`Speed is the resolvers' time ÷ ours: above 1 the compiled path is faster.`);
  out();
  out(
    `All queries: median speed ${x(median(speeds))}; ${speeds.filter((s) => s < 1).length} of ${speeds.length} below 1; ` +
      `${measured.filter((m) => m.statements.ours === 1).length} answered by our server in one statement; ` +
      `${differences.length} differences; ${measured.filter((m) => m.timedOut).length} out of time on a path.`,
  );
  const sqlRoot = (field: string) => (sqlSchema.roots[field] ? 'SQL' : 'resolvers');
  out();
  out("## By the resolvers' time (what the query costs, measured on the reference path)");
  out();
  summaryTable(
    'resolvers take',
    groupBy(measured, (m) => [costBucket(m.resolvers)]),
    COST_BUCKETS,
  );
  out();
  out('## By outcome (a refusal the resolvers give before any SQL costs the compiled path a statement)');
  out();
  summaryTable(
    'answer',
    groupBy(measured, (m) => [outcome(m)]),
  );
  out();
  out('## Per root field (a query counts under each of its root fields)');
  out();
  out('| root field | compiled by | queries | median speed | below 1 | ours ms (median) | resolvers ms (median) |');
  out('|---|---|--:|--:|--:|--:|--:|');
  for (const g of groupBy(measured, (m) => m.roots)) {
    const below = g.queries.filter((q) => q.speed < 1).length;
    out(
      `| ${g.key} | ${sqlRoot(g.key)} | ${g.queries.length} | ${x(g.speed)} | ${below} | ${ms(g.ours)} | ${ms(g.resolvers)} |`,
    );
  }
  out();
  out('## Per class (the set of root fields)');
  out();
  out(
    '| class | queries | median speed | ours ms (median) | resolvers ms (median) | statements ours / resolvers (median) |',
  );
  out('|---|--:|--:|--:|--:|--:|');
  const classes = groupBy(measured, (m) => [m.class]);
  for (const g of classes) {
    const st = `${median(g.queries.map((q) => q.statements.ours))} / ${median(g.queries.map((q) => q.statements.resolvers))}`;
    out(
      `| ${g.key}${g.speed < 1 ? ' **< 1**' : ''} | ${g.queries.length} | ${x(g.speed)} | ${ms(g.ours)} | ${ms(g.resolvers)} | ${st} |`,
    );
  }
  const slow = classes.filter((g) => g.speed < 1);
  out();
  out(`## Classes below 1 (${slow.length})`);
  for (const g of slow) {
    out();
    out(`### ${g.key}: median speed ${x(g.speed)} over ${g.queries.length} queries`);
    for (const q of [...g.queries].sort((a, b) => a.speed - b.speed).slice(0, WORST)) describe(q);
  }
  out();
  out(`## The ${WORST} slowest queries against the resolvers`);
  for (const q of [...measured].sort((a, b) => a.speed - b.speed).slice(0, WORST)) describe(q);
  const outOfTime = measured.filter((m) => m.timedOut);
  if (outOfTime.length > 0) {
    out();
    out(`## Out of time on a path (${outOfTime.length}; answers not compared)`);
    for (const q of outOfTime) describe(q);
  }
  if (differences.length > 0) {
    out();
    out(`## Differences (${differences.length}): FAILED`);
    for (const d of differences.slice(0, WORST)) {
      out();
      out('```');
      out(describeDifference(d).slice(0, 4_000));
      out('```');
    }
  }
}

/** Upper bounds (ms) of the cost buckets, by the resolvers' median time. */
const COST_BUCKETS = ['< 2 ms', '2–5 ms', '5–20 ms', '20–100 ms', '≥ 100 ms'];

function costBucket(resolversMs: number): string {
  const bounds = [2, 5, 20, 100];
  const i = bounds.findIndex((b) => resolversMs < b);
  return COST_BUCKETS[i === -1 ? bounds.length : i]!;
}

/** Data, or the first error's code, and whether the resolvers refused it before sending any SQL. */
function outcome(m: Measured): string {
  if (!m.errorCode) return 'data';
  return `${m.errorCode}${m.statements.resolvers === 0 ? ', resolvers sent no SQL' : ''}`;
}

function summaryTable(head: string, groups: readonly Group[], order?: readonly string[]): void {
  const sorted = order ? [...groups].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)) : groups;
  out(`| ${head} | queries | median speed | below 1 | ours ms (median) | resolvers ms (median) |`);
  out('|---|--:|--:|--:|--:|--:|');
  for (const g of sorted) {
    const below = g.queries.filter((q) => q.speed < 1).length;
    out(`| ${g.key} | ${g.queries.length} | ${x(g.speed)} | ${below} | ${ms(g.ours)} | ${ms(g.resolvers)} |`);
  }
}

function describe(q: Measured): void {
  out();
  out(
    `- #${q.index} \`${q.class}\`: speed ${x(q.speed)} (ours ${ms(q.ours)} ms, resolvers ${ms(q.resolvers)} ms, ` +
      `${q.times.ours.length} runs; statements ${q.statements.ours} / ${q.statements.resolvers}` +
      `${q.errorCode ? `; error ${q.errorCode}` : ''})`,
  );
  out(`  \`${oneLine(q.document)}\``);
  if (Object.keys(q.variables).length > 0) out(`  variables \`${oneLine(JSON.stringify(q.variables), 200)}\``);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench:random failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
