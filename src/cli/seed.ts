import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { loadDemo } from '../db/seed/demo';
import { LARGE, SMALL, type SyntheticOptions } from '../db/seed/synthetic';

const USAGE = `usage: npm run seed -- [--large] [--organizations N] [--projects N] [--donations N] [--training-sessions N] [--seed N]
Loads the seed articles' records and a deterministic synthetic set (small by default, --large for benchmarks).
Loading twice changes nothing.`;

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"\n${USAGE}`);
  return n;
}

function options(argv: string[]): SyntheticOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      large: { type: 'boolean' },
      organizations: { type: 'string' },
      projects: { type: 'string' },
      donations: { type: 'string' },
      'training-sessions': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const base = values.large ? LARGE : SMALL;
  return {
    ...base,
    organizations: count('organizations', values.organizations, base.organizations),
    projects: count('projects', values.projects, base.projects),
    donations: count('donations', values.donations, base.donations),
    trainingSessions: count('training-sessions', values['training-sessions'], base.trainingSessions),
    seed: count('seed', values.seed, base.seed),
  };
}

/** `npm run seed`: migrates, then loads the demo dataset with a progress bar per table. */
async function main(): Promise<void> {
  const synthetic = options(process.argv.slice(2));
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolMax: 4 });
  const bars = new MultiBar(
    { format: '{table} [{bar}] {value}/{total} {percentage}% {eta_formatted}', hideCursor: true },
    Presets.shades_classic,
  );
  const byTable = new Map<string, ReturnType<MultiBar['create']>>();
  try {
    await migrate(database);
    const started = Date.now();
    await loadDemo(database, synthetic, (table, done, total) => {
      let bar = byTable.get(table);
      if (!bar) {
        bar = bars.create(total, 0, { table: table.padEnd(18) });
        byTable.set(table, bar);
      }
      bar.update(done);
    });
    bars.stop();
    process.stdout.write(`seeded (${database.engine}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    bars.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
