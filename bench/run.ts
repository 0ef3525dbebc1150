/**
 * `npm run bench`: this API against PostGraphile 5 and the floor, on one database, in one run.
 * Loads the large synthetic set (reused when already loaded), starts the three servers, checks
 * that they return the same data for every shape, then loads each in interleaved rounds and
 * writes bench/RESULTS.md. `--smoke` runs tiny data for a second per shape (CI keeps it working).
 * `--shapes flat,nested` runs only those shapes and writes bench/RESULTS.partial.md unless `--out`
 * says where: a quick comparison while working, never the figures to quote.
 * Then the write side (bench/writes.ts) unless `--shapes` was given; `--writes-only` runs it alone
 * and writes bench/RESULTS.writes.md unless `--out` says where. `--mutations` (per path and round),
 * `--import-rows` and `--import-rounds` size it. `--keep-cluster` never restarts PostgreSQL to
 * preload pg_stat_statements (on a server others use); statements per request are then not counted.
 * Then exports (bench/exports.ts: every donation of the read side's set to CSV against COPY) unless
 * `--shapes` or `--writes-only` was given; `--exports-only` runs them alone and writes
 * bench/RESULTS.exports.md unless `--out` says where.
 */
import { appendFileSync } from 'node:fs';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import path from 'node:path';
import postgres from 'postgres';
import { LARGE } from '../src/db/seed/synthetic';
import { prepareDatabase } from './database';
import { measure, type Sample } from './measure';
import { start, stop, type Running as Started } from './servers';
import { writeReport, type Result, type Run } from './report';
import { runWrites } from './writes';
import { SMOKE } from './smoke';
import { exportSection, runExports } from './exports';
import { SHAPES, type Fixtures, type ServerKind, type Shape } from './shapes';
import { enableStatementCounting, statementsSince, type StatementCounter } from './statements';
import { median } from './median';

const ROOT = path.join(__dirname, '..');

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '10' },
    out: { type: 'string' },
    shapes: { type: 'string' },
    'writes-only': { type: 'boolean', default: false },
    'exports-only': { type: 'boolean', default: false },
    mutations: { type: 'string' },
    'import-rows': { type: 'string' },
    'import-rounds': { type: 'string' },
    'keep-cluster': { type: 'boolean', default: false },
  },
});
const smoke = args.smoke!;
/** medians of 5 interleaved rounds, as the issue's side-by-side checks take them: the cheap shapes' ratios move ±0.2 over 3 */
const rounds = Number(args.rounds ?? (smoke ? 1 : 5));
const seconds = Number(args.seconds ?? (smoke ? 1 : 5));
const connections = Number(args.connections);
const depth = smoke ? 200 : 10_000;
/** how deep page-total-5000 pages into every donation by total */
const totalDepth = smoke ? 100 : 5_000;
const shapes = args.shapes ? args.shapes.split(',').map(shapeNamed) : SHAPES;
const writesOnly = args['writes-only']!;
if (writesOnly && args.shapes) throw new Error('--writes-only runs no shapes; leave out --shapes');
const exportsOnly = args['exports-only']!;
const mutations = Number(args.mutations ?? (smoke ? 200 : 2_000));
const importRows = Number(args['import-rows'] ?? (smoke ? 5_000 : 100_000));
const importRounds = Number(args['import-rounds'] ?? (smoke ? 1 : 2));
const out =
  args.out ??
  path.join(
    ROOT,
    'bench',
    smoke
      ? 'RESULTS.smoke.md'
      : args.shapes
        ? 'RESULTS.partial.md'
        : writesOnly
          ? 'RESULTS.writes.md'
          : exportsOnly
            ? 'RESULTS.exports.md'
            : 'RESULTS.md',
  );
const log = (line: string) => process.stdout.write(`${line}\n`);

function shapeNamed(name: string): Shape {
  const shape = SHAPES.find((s) => s.name === name);
  if (!shape) throw new Error(`--shapes: no shape ${name}; the shapes are ${SHAPES.map((s) => s.name).join(', ')}`);
  return shape;
}

type Running = Started<ServerKind>;

async function graphql(
  origin: string,
  request: { query: string; variables: Record<string, unknown> },
): Promise<{ data: any; bytes: number }> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (body.errors || !response.ok) throw new Error(`${origin}: ${text.slice(0, 500)}`);
  return { data: body.data, bytes: Buffer.byteLength(text) };
}

/**
 * Walks `depth` donations of the big project, and `totalDepth` of every donation by total, 100 at a
 * time on both GraphQL servers; the floor's keys by SQL.
 */
async function fixtures(url: string, gongyi: string, postgraphile: string): Promise<Fixtures> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [ids] = await sql<{ org: string; project: string }[]>`select
      (select organization_id from projects group by 1 order by count(*) desc, 1 limit 1)::text as org,
      (select project_id from donations where project_id is not null group by 1 order by count(*) desc, 1 limit 1)::text as project`;
  const [key] = await sql<{ pledged_on: string; id: string }[]>`select pledged_on::text, id::text from donations
      where project_id = ${ids!.project} order by coalesce(pledged_on, '-infinity'::date) desc, id desc offset ${depth - 1} limit 1`;
  // spread over the table: every 200th by id
  const spread = await sql<{ id: string }[]>`select id::text from (select id, row_number() over (order by id) as n
      from organizations) o where n % 200 = 1 order by n limit 50`;
  const [more] = await sql<{ donor: string; province: string }[]>`select
      (select donor_id from donations where donor_id is not null group by 1 order by count(*) desc, 1 limit 1)::text as donor,
      (select left(region_code, 2) from organizations where region_code is not null group by 1 order by count(*) desc, 1 limit 1) as province`;
  const [totalKey] = await sql<{ total: string; id: string }[]>`select d.total::text, d.id::text from donations d
      order by d.total desc, d.id desc offset ${totalDepth - 1} limit 1`;
  await sql.end();
  let gongyiCursor: string | null = null;
  let postgraphileCursor: string | null = null;
  const projectGlobalId = Buffer.from(`Project:${ids!.project}`).toString('base64url');
  for (let walked = 0; walked < depth; walked += 100) {
    const first = Math.min(100, depth - walked);
    const ours = await graphql(gongyi, {
      query: `query($id: ID!, $after: String) { project(id: $id) { donations(first: ${first}, after: $after) { pageInfo { endCursor } } } }`,
      variables: { id: projectGlobalId, after: gongyiCursor },
    });
    gongyiCursor = ours.data.project.donations.pageInfo.endCursor;
    const theirs = await graphql(postgraphile, {
      query: `query($id: UUID!, $after: Cursor) { projectByRowId(rowId: $id) { donationsByProjectId(first: ${first}, after: $after, orderBy: [PLEDGED_ON_DESC, PRIMARY_KEY_DESC]) { pageInfo { endCursor } } } }`,
      variables: { id: ids!.project, after: postgraphileCursor },
    });
    postgraphileCursor = theirs.data.projectByRowId.donationsByProjectId.pageInfo.endCursor;
  }
  let gongyiTotalCursor: string | null = null;
  let postgraphileTotalCursor: string | null = null;
  for (let walked = 0; walked < totalDepth; walked += 100) {
    const first = Math.min(100, totalDepth - walked);
    const ours = await graphql(gongyi, {
      query: `query($after: String) { donations(first: ${first}, after: $after, orderBy: { field: TOTAL, direction: DESC }) { pageInfo { endCursor } } }`,
      variables: { after: gongyiTotalCursor },
    });
    gongyiTotalCursor = ours.data.donations.pageInfo.endCursor;
    const theirs = await graphql(postgraphile, {
      query: `query($after: Cursor) { allDonations(first: ${first}, after: $after, orderBy: [TOTAL_DESC, PRIMARY_KEY_DESC]) { pageInfo { endCursor } } }`,
      variables: { after: postgraphileTotalCursor },
    });
    postgraphileTotalCursor = theirs.data.allDonations.pageInfo.endCursor;
  }
  return {
    bigOrganizationId: ids!.org,
    bigProjectId: ids!.project,
    gongyiCursor10k: gongyiCursor!,
    postgraphileCursor10k: postgraphileCursor!,
    floorKey10k: { pledgedOn: key!.pledged_on, id: key!.id },
    organizationIds50: spread.map((o) => o.id),
    bigDonorId: more!.donor,
    province: more!.province,
    gongyiCursorTotal5k: gongyiTotalCursor!,
    postgraphileCursorTotal5k: postgraphileTotalCursor!,
    floorKeyTotal5k: { total: totalKey!.total, id: totalKey!.id },
  };
}

function target(server: Running, shape: Shape, f: Fixtures) {
  if (server.kind === 'floor')
    return { url: `${server.origin}/${shape.name}`, method: 'GET' as const, pid: server.child.pid! };
  const request = server.kind === 'gongyi' ? shape.gongyi(f) : shape.postgraphile(f);
  return {
    url: `${server.origin}/graphql`,
    method: 'POST' as const,
    body: JSON.stringify(request),
    pid: server.child.pid!,
  };
}

/** Fetches every shape from every server and fails the run on any difference in the data. */
async function checkSameData(servers: Running[], f: Fixtures): Promise<Map<string, Record<ServerKind, number>>> {
  const bytes = new Map<string, Record<ServerKind, number>>();
  for (const shape of shapes) {
    const answers = {} as Record<ServerKind, unknown>;
    const sizes = {} as Record<ServerKind, number>;
    for (const server of servers) {
      if (server.kind === 'floor') {
        const text = await (await fetch(`${server.origin}/${shape.name}`)).text();
        answers.floor = JSON.parse(text);
        sizes.floor = Buffer.byteLength(text);
      } else {
        const { data, bytes: size } = await graphql(
          server.origin,
          server.kind === 'gongyi' ? shape.gongyi(f) : shape.postgraphile(f),
        );
        answers[server.kind] = shape.canonical(server.kind, data);
        sizes[server.kind] = size;
      }
    }
    for (const kind of ['postgraphile', 'floor'] as const) {
      if (!isDeepStrictEqual(answers.gongyi, answers[kind])) {
        log(`DIFFERENT DATA for ${shape.name}: gongyi vs ${kind}`);
        log(`  gongyi: ${JSON.stringify(answers.gongyi).slice(0, 400)}`);
        log(`  ${kind}: ${JSON.stringify(answers[kind]).slice(0, 400)}`);
        throw new Error(`the servers disagree on ${shape.name}`);
      }
    }
    const count = JSON.stringify(answers.gongyi).length;
    log(`  ${shape.name}: same data from all three (${count} canonical bytes)`);
    bytes.set(shape.name, sizes);
  }
  return bytes;
}

async function main(): Promise<void> {
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) throw new Error('npm run bench needs DATABASE_URL: a PostgreSQL server it may create a database on');
  // below Linux's ephemeral range (32768–60999), where the load's own connections take ports
  const base = 20_000 + Math.floor(Math.random() * 1_000) * 6;
  const reads = writesOnly || exportsOnly ? null : await runReads(adminUrl, base);
  const writes =
    args.shapes || exportsOnly
      ? null
      : await runWrites({
          adminUrl,
          mutationsPerRound: mutations,
          importRows,
          rounds,
          importRounds,
          connections,
          basePort: base + 3,
          log,
        });
  const exported =
    args.shapes || writesOnly
      ? null
      : await runExports({
          url: await prepareDatabase(
            adminUrl,
            smoke ? 'gongyi_bench_smoke' : 'gongyi_bench',
            smoke ? SMOKE : LARGE,
            log,
          ),
          port: base + 5,
          rounds: smoke ? 1 : 3,
          log,
        });
  writeReport(out, { reads, writes, smoke });
  if (exported) appendFileSync(out, `${exportSection(exported).join('\n')}\n`);
  log(`wrote ${path.relative(ROOT, out)}`);
}

/** The read side: every shape on the three servers, in interleaved rounds. */
async function runReads(adminUrl: string, base: number): Promise<Run> {
  const url = await prepareDatabase(
    adminUrl,
    smoke ? 'gongyi_bench_smoke' : 'gongyi_bench',
    smoke ? SMOKE : LARGE,
    log,
  );
  const counter: StatementCounter | null = await enableStatementCounting(adminUrl, url, {
    mayRestart: !smoke && !args['keep-cluster'],
    log,
  });

  const env = { DATABASE_URL: url, LOG_LEVEL: 'warn', SEED_DEMO: 'false', HOST: '127.0.0.1' };
  const servers: Running[] = [];
  try {
    // the load comes from one anonymous address: its budget is metered as usual, but large enough not to refuse
    servers.push(await start('gongyi', base, { ...env, RATE_LIMIT_ANONYMOUS: '1000000000' }));
    servers.push(await start('postgraphile', base + 1, env));
    log('servers up; walking cursors for the deep page');
    const f = await fixtures(url, servers[0]!.origin, servers[1]!.origin);
    servers.push(await start('floor', base + 2, { ...env, FIXTURES: JSON.stringify(f) }));
    log('checking that the three return the same data');
    const bytes = await checkSameData(servers, f);

    const samples = new Map<string, Array<Sample & { statements: number | null }>>();
    for (let round = 0; round < rounds; round += 1) {
      for (const shape of shapes) {
        // rotate which server goes first, so no one always runs on a cold or a warm machine
        const order = servers.map((_, i) => servers[(i + round) % servers.length]!);
        for (const server of order) {
          const load = {
            seconds: smoke ? seconds : Math.max(seconds, shape.load?.minSeconds ?? 0),
            connections: shape.load?.connections ?? connections,
          };
          await measure(target(server, shape, f), { seconds: Math.min(1, seconds) }, load.connections); // warm-up, not recorded
          const since = counter ? await counter.mark() : null;
          const sample = await measure(target(server, shape, f), { seconds: load.seconds }, load.connections);
          const statements = counter && since !== null ? await statementsSince(counter, since, sample.requests) : null;
          const key = `${shape.name}/${server.kind}`;
          samples.set(key, [...(samples.get(key) ?? []), { ...sample, statements }]);
          log(
            `round ${round + 1} ${key}: ${sample.rps.toFixed(0)} req/s, p50 ${sample.p50.toFixed(2)} ms, errors ${sample.errors}`,
          );
        }
      }
    }

    const results: Result[] = [];
    for (const shape of shapes) {
      for (const server of servers) {
        const runs = samples.get(`${shape.name}/${server.kind}`)!;
        const pick = (k: keyof Sample) => median(runs.map((r) => r[k]));
        results.push({
          shape: shape.name,
          description: shape.description,
          server: server.kind,
          rps: pick('rps'),
          p50: pick('p50'),
          p95: pick('p95'),
          p99: pick('p99'),
          errors: runs.reduce((n, r) => n + r.errors, 0),
          statements: runs[0]!.statements === null ? null : median(runs.map((r) => r.statements!)),
          cpuMsPerRequest: pick('cpuMsPerRequest'),
          peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
          bytes: bytes.get(shape.name)![server.kind],
        });
      }
    }
    return { results, rounds, seconds, connections, depth, statementsCounted: counter !== null };
  } finally {
    await Promise.all(servers.map((server) => stop(server.child)));
    await counter?.sql.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
