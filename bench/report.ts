/** Writes bench/RESULTS.md: the machine, the versions, the figures and the target ratios, reads then writes. */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHAPES, type ServerKind } from './shapes';
import type { WriteRun } from './writes';

export interface Result {
  shape: string;
  description: string;
  server: ServerKind;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statements: number | null;
  cpuMsPerRequest: number;
  peakRssMb: number;
  bytes: number;
}

export interface Run {
  results: Result[];
  rounds: number;
  seconds: number;
  connections: number;
  depth: number;
  statementsCounted: boolean;
}

const version = (name: string) =>
  (
    JSON.parse(readFileSync(path.join(__dirname, '..', 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
const f = (n: number, digits = 2) => n.toFixed(digits);

/** Every shape: this API at ≥ 1.5 × PostGraphile's requests per second; the nested shape at ≥ 0.8 × the floor's (issue 15). */
const POSTGRAPHILE_TARGET = 1.5;
const NESTED_FLOOR_TARGET = 0.8;

export function writeReport(
  file: string,
  { reads, writes, smoke }: { reads: Run | null; writes: WriteRun | null; smoke: boolean },
): void {
  const lines: string[] = [];
  lines.push(`# Benchmark results${smoke ? ' (smoke run: tiny data, not figures to quote)' : ''}`, '');
  lines.push(`Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.`, '');
  lines.push('## Machine and versions', '');
  lines.push(
    `- ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${f(os.totalmem() / 2 ** 30, 0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
  );
  lines.push(
    `- gongyi-graph: @apollo/server ${version('@apollo/server')}, fastify ${version('fastify')}, graphql ${version('graphql')}, drizzle-orm ${version('drizzle-orm')}, postgres ${version('postgres')}`,
  );
  if (reads) lines.push(...readVersions(reads));
  if (writes) lines.push(...writeVersions());
  if (reads) lines.push(...readSection(reads));
  if (writes) lines.push(...writeSection(writes));
  if (reads) {
    lines.push(
      '',
      '## What the profile shows',
      '',
      readFileSync(path.join(__dirname, 'profile-notes.md'), 'utf8').trim(),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function readVersions(run: Run): string[] {
  const lines: string[] = [];
  lines.push(
    `- PostGraphile ${version('postgraphile')} (Amber preset, grafserv on node:http), run with a \`Promise.withResolvers\` polyfill preloaded (\`bench/promise-with-resolvers.cjs\`): Node 20 lacks it`,
  );
  lines.push(
    `- floor: node:http + postgres ${version('postgres')}, one prepared statement per shape, its JSON text sent as is`,
  );
  lines.push(
    `- SQL statements per request: ${run.statementsCounted ? 'pg_stat_statements' : 'not counted (pg_stat_statements not preloaded)'}`,
  );
  return lines;
}

function readSection(run: Run): string[] {
  const get = (shape: string, server: ServerKind) => run.results.find((r) => r.shape === shape && r.server === server)!;
  const shapes = [...new Set(run.results.map((r) => r.shape))];
  const lines: string[] = [];
  lines.push('', '# Reads', '');
  lines.push(
    `Median of ${run.rounds} interleaved round(s) of ${run.seconds} s per shape and server, ${run.connections} connections, after a warm-up; servers rotate order each round.`,
    '',
  );
  lines.push('## Targets', '');
  const ratio = (shape: string, a: ServerKind, b: ServerKind) => get(shape, a).rps / get(shape, b).rps;
  for (const shape of shapes) {
    const r = ratio(shape, 'gongyi', 'postgraphile');
    lines.push(
      `- ${shape}: this API ÷ PostGraphile = **${f(r)}** in requests per second ${r >= POSTGRAPHILE_TARGET ? `(met, ≥ ${POSTGRAPHILE_TARGET})` : `(missed: target ${POSTGRAPHILE_TARGET})`}`,
    );
  }
  for (const shape of SHAPES.filter((s) => s.overScan !== undefined && shapes.includes(s.name))) {
    const r = ratio(shape.name, 'gongyi', 'floor');
    lines.push(
      `- ${shape.name}: this API ÷ the floor's full scan = **${f(r)}** ${r >= shape.overScan! ? `(met, ≥ ${shape.overScan})` : `(missed: target ${shape.overScan})`}`,
    );
  }
  // a run of some shapes (`--shapes`) reports the targets of those it ran
  if (shapes.includes('nested')) {
    const floor = ratio('nested', 'gongyi', 'floor');
    lines.push(
      `- nested: this API ÷ floor = **${f(floor)}** ${floor >= NESTED_FLOOR_TARGET ? `(met, ≥ ${NESTED_FLOOR_TARGET})` : `(missed: target ${NESTED_FLOOR_TARGET})`}`,
    );
  }
  if (shapes.includes('page-1') && shapes.includes('page-10000')) {
    const deep = get('page-10000', 'gongyi').p50 / get('page-1', 'gongyi').p50;
    lines.push(
      `- page at depth ${run.depth} ÷ first page, p50 latency: **${f(deep)}** ${deep <= 1.2 ? '(met, ≤ 1.2)' : '(missed: target 1.2)'}`,
    );
  }
  const rss = (server: ServerKind) =>
    Math.max(...run.results.filter((r) => r.server === server).map((r) => r.peakRssMb));
  lines.push(
    `- peak RSS under load: this API ${f(rss('gongyi'), 0)} MB, PostGraphile ${f(rss('postgraphile'), 0)} MB ${rss('gongyi') <= rss('postgraphile') ? '(met)' : '(missed)'}`,
    '',
  );
  lines.push('## Figures', '');
  lines.push(
    '| shape | server | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/req | CPU ms/req | peak RSS MB | bytes |',
  );
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of run.results) {
    lines.push(
      `| ${r.shape} | ${r.server} | ${f(r.rps, 0)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.errors} | ${r.statements === null ? 'n/a' : f(r.statements, 1)} | ${f(r.cpuMsPerRequest)} | ${f(r.peakRssMb, 0)} | ${r.bytes} |`,
    );
  }
  lines.push('', '## Shapes', '');
  for (const shape of shapes) lines.push(`- **${shape}**: ${get(shape, 'gongyi').description}`);
  return lines;
}

function writeVersions(): string[] {
  return [
    `- write floor, mutations: node:http + postgres ${version('postgres')}; the same request body, its JSON parsed and global IDs decoded, the donation and its history row written by one prepared statement (one round trip, its own transaction); no key, budget, GraphQL, checks or idempotency`,
    `- write floor, import: \`COPY donations FROM STDIN\` then \`COPY record_changes FROM STDIN\` of the same rows through postgres ${version('postgres')}, in one transaction, into a fresh database`,
  ];
}

function writeSection(run: WriteRun): string[] {
  const lines: string[] = ['', '# Writes', ''];
  lines.push(
    `Mutations: ${run.mutationsPerRound} per path and round, median of ${run.rounds} interleaved round(s), ${run.connections} connections, after a warm-up; paths rotate order each round; every request writes a new donation and its history row, and the rows written are counted. Import: ${run.importRows} rows, median of ${run.importRounds} round(s) alternating which path goes first, each into a fresh database.`,
    '',
  );
  lines.push('## Targets', '');
  const mutation = (path: string) => run.mutations.find((m) => m.path === path)!;
  const floor = mutation('floor').perSecond;
  lines.push(
    `- recordDonation: this API ÷ floor = **${f(mutation('gongyi').perSecond / floor)}** in mutations per second; with an Idempotency-Key on each request **${f(mutation('gongyi-idempotent').perSecond / floor)}** (no target set)`,
  );
  const api = run.imports.find((i) => i.path === 'gongyi')!;
  const copy = run.imports.find((i) => i.path === 'floor')!;
  const ratio = api.rowsPerSecond / copy.donationsOnlyRowsPerSecond!;
  lines.push(
    `- import: this API ÷ floor (COPY of donations alone) = **${f(ratio)}** in rows per second ${ratio >= 0.5 ? '(met, ≥ 0.5)' : '(missed: target 0.5)'}; ÷ floor writing the history rows too = **${f(api.rowsPerSecond / copy.rowsPerSecond)}**`,
  );
  const memory = api.memory!;
  const growth = memory.peakMb - memory.atQuarterMb;
  lines.push(
    `- import memory: the server's RSS ${f(memory.beforeMb, 0)} MB before, ${f(memory.atQuarterMb, 0)} MB at its peak through row ${Math.ceil(run.importRows / 4)}, ${f(memory.peakMb, 0)} MB at its peak through row ${run.importRows} (VmHWM ${f(memory.hwmMb, 0)} MB) ${growth <= memory.atQuarterMb * 0.1 ? '(flat: grows ≤ 10% over the last three quarters of the file)' : `(not flat: +${f(growth, 0)} MB over the last three quarters of the file)`}`,
  );
  lines.push('', '## Figures', '');
  lines.push('| write | path | per s | p50 ms | p95 ms | CPU ms/req | errors |');
  lines.push('|---|---|--:|--:|--:|--:|--:|');
  for (const m of run.mutations) {
    lines.push(
      `| recordDonation | ${m.path} | ${f(m.perSecond, 0)} | ${f(m.p50)} | ${f(m.p95)} | ${f(m.cpuMsPerRequest)} | ${m.errors} |`,
    );
  }
  lines.push(`| import, rows | gongyi (POST /imports, CSV) | ${f(api.rowsPerSecond, 0)} | | | | 0 |`);
  lines.push(`| import, rows | floor (COPY donations and history) | ${f(copy.rowsPerSecond, 0)} | | | | 0 |`);
  lines.push(`| import, rows | floor (COPY donations alone) | ${f(copy.donationsOnlyRowsPerSecond!, 0)} | | | | 0 |`);
  lines.push(
    '',
    'Paths: **gongyi** is `recordDonation` through this API with a foundation’s PARTNER key; **gongyi-idempotent** the same with a new `Idempotency-Key` on each request, as production clients send it; **floor** as above.',
  );
  return lines;
}
