/** Writes bench/RESULTS.md: the machine, the versions, the figures and the target ratios. */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerKind } from './shapes';

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
  smoke: boolean;
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

export function writeReport(file: string, run: Run): void {
  const get = (shape: string, server: ServerKind) => run.results.find((r) => r.shape === shape && r.server === server)!;
  const shapes = [...new Set(run.results.map((r) => r.shape))];
  const lines: string[] = [];
  lines.push(`# Benchmark results${run.smoke ? ' (smoke run: tiny data, not figures to quote)' : ''}`, '');
  lines.push(
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Median of ${run.rounds} interleaved round(s) of ${run.seconds} s per shape and server, ${run.connections} connections, after a warm-up; servers rotate order each round.`,
    '',
  );
  lines.push('## Machine and versions', '');
  lines.push(
    `- ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${f(os.totalmem() / 2 ** 30, 0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
  );
  lines.push(
    `- gongyi-graph: @apollo/server ${version('@apollo/server')}, fastify ${version('fastify')}, graphql ${version('graphql')}, drizzle-orm ${version('drizzle-orm')}, postgres ${version('postgres')}`,
  );
  lines.push(
    `- PostGraphile ${version('postgraphile')} (Amber preset, grafserv on node:http), run with a \`Promise.withResolvers\` polyfill preloaded (\`bench/promise-with-resolvers.cjs\`): Node 20 lacks it`,
  );
  lines.push(
    `- floor: node:http + postgres ${version('postgres')}, one prepared statement per shape, its JSON text sent as is`,
  );
  lines.push(
    `- SQL statements per request: ${run.statementsCounted ? 'pg_stat_statements' : 'not counted (pg_stat_statements not preloaded)'}`,
    '',
  );
  lines.push('## Targets', '');
  const ratio = (shape: string, a: ServerKind, b: ServerKind) => get(shape, a).rps / get(shape, b).rps;
  for (const shape of shapes) {
    const r = ratio(shape, 'gongyi', 'postgraphile');
    lines.push(
      `- ${shape}: this API ÷ PostGraphile = **${f(r)}** in requests per second ${r >= 1 ? '(met, ≥ 1.0)' : `(missed by ${f((1 - r) * 100, 0)}%)`}`,
    );
  }
  // a run of some shapes (`--shapes`) reports the targets of those it ran
  if (shapes.includes('nested')) {
    const floor = ratio('nested', 'gongyi', 'floor');
    lines.push(
      `- nested: this API ÷ floor = **${f(floor)}** ${floor >= 0.7 ? '(met, ≥ 0.7)' : `(missed: target 0.7)`}`,
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
  lines.push(
    '',
    '## What the profile shows',
    '',
    readFileSync(path.join(__dirname, 'profile-notes.md'), 'utf8').trim(),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
}
