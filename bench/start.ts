/**
 * `npm run bench:start`: how long `npm start` takes on the embedded default, from the command to
 * its first answer, on an empty DATA_DIR (a first start) and again on the same folder (a restart),
 * `--rounds` times (3). Each start's own log says where its time went (main.ts's milestones:
 * modules loaded, database open, migrated, demo data loaded, serving); the rest is npm and the
 * build's staleness check. Prints a table with the machine's load, since on a shared machine the
 * absolute figures move with it. Needs the build (`npm run bench:start` builds first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MENGNIU, MENGNIU_TOTAL, query, startServing, type LogEntry } from '../tests/smoke/serving';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(args.rounds);

/** One start's figures, in milliseconds from the command. */
interface Timing {
  /** `npm start` until node began: npm and the staleness check */
  launch: number;
  loaded: number;
  open: number;
  migrated: number;
  demo: number | null;
  serving: number;
  answered: number;
}

const PHASES: Array<[keyof Timing, string]> = [
  ['launch', 'npm and the build check, before node'],
  ['loaded', 'modules loaded'],
  ['open', 'database open'],
  ['migrated', 'migrated'],
  ['demo', 'demo data loaded'],
  ['serving', 'listening'],
  ['answered', 'first answer'],
];

async function timeStart(dataDir: string): Promise<Timing> {
  const started = performance.now();
  const server = await startServing('npm', ['start', '--silent'], { DATA_DIR: dataDir });
  const servingSeen = performance.now() - started;
  const body = await query(server.origin, MENGNIU);
  const answered = performance.now() - started;
  if (JSON.stringify(body.data) !== JSON.stringify(MENGNIU_TOTAL)) {
    throw new Error(`the first answer is wrong: ${JSON.stringify(body)}`);
  }
  server.child.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) throw new Error(`npm start exited with ${code} after SIGTERM`);
  const entry = (msg: string): LogEntry | undefined => server.log.find((e) => e.msg === msg);
  // node's clock starts when node does: what the command took before is the serving line's
  // arrival less node's own time to it
  const launch = servingSeen - entry('gongyi-graph is serving')!.uptimeMs!;
  const at = (msg: string) => {
    const uptime = entry(msg)?.uptimeMs;
    return uptime === undefined ? null : launch + uptime;
  };
  return {
    launch,
    loaded: launch + entry('database open')!.loadedMs!,
    open: at('database open')!,
    migrated: at('migrated')!,
    demo: at('demo dataset loaded'),
    serving: servingSeen,
    answered,
  };
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const before = load();
  const first: Timing[] = [];
  const restart: Timing[] = [];
  for (let round = 0; round < rounds; round++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gongyi-bench-start-'));
    try {
      first.push(await timeStart(dataDir));
      restart.push(await timeStart(dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const seconds = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(1));
  const cell = (timings: Timing[], key: keyof Timing) => timings.map((t) => seconds(t[key])).join(' / ');
  const lines = [
    `npm start on the embedded default, ${rounds} round(s); seconds from the command, each round`,
    `${cpus().length} CPUs; load average ${before} before, ${load()} after`,
    '',
    '| milestone | first start (empty DATA_DIR) | restart |',
    '|---|---|---|',
    ...PHASES.map(([key, label]) => `| ${label} | ${cell(first, key)} | ${cell(restart, key)} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
