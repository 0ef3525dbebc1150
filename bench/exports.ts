/**
 * Exports against their floor: every donation of the read side's database to CSV through
 * `startExport` (the server's worker streams it from a cursor to EXPORT_DIR) against `COPY (the
 * same select) TO STDOUT (FORMAT csv)` through postgres.js into a file, in alternating rounds.
 * The server's RSS is sampled throughout; the last file is downloaded through its signed URL and
 * checked: its rows against `totalCount`, the sums of its amount columns against `donationSummary`.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client';
import { createKey } from '../src/modules/access/keys';
import { EXPORTED_LISTS } from '../src/modules/exports/entities';
import { exportRecord } from '../src/modules/exports/records';
import { isUserError } from '../src/modules/mutations/user-error';
import { RegionDirectory } from '../src/modules/regions/directory';
import { sqlSchema } from '../src/sql-schema';
import { watchMemory } from './memory';
import { start, stop } from './servers';

export interface ExportOptions {
  /** the read side's database, every donation of which is exported */
  url: string;
  port: number;
  rounds: number;
  log: (line: string) => void;
}

export interface ExportRun {
  rows: number;
  rounds: number;
  /** median seconds per path */
  apiSeconds: number;
  floorSeconds: number;
  bytes: number;
  floorBytes: number;
  /** the server's RSS around each export through the API, in round order (the first on a fresh server) */
  memory: Array<{ beforeMb: number; peakMb: number; hwmMb: number }>;
  /** the downloaded file against the API's own answers for the same filter (none) */
  check: { rows: number; totalCount: number; sums: Record<string, { file: string; summary: string }> };
}

const START_EXPORT = `mutation { startExport(input: { entity: DONATIONS, format: CSV }) {
  ... on StartExportSuccess { export { id } } ... on UserError { field message } } }`;
const EXPORT_STATE = `query ($id: ID!) { node(id: $id) { ... on Export { status rowCount byteCount url error } } }`;
const SUMMARY = `{ donations(first: 1) { totalCount } donationSummary {
  donationCount total { value } cash { value } inKind { value } delivered { value } } }`;

/** The CSV columns whose sums donationSummary answers, by its field. */
const SUMMED = { total: 'total.value', cash: 'cash.value', inKind: 'inKind.value', delivered: 'delivered.value' };

interface ExportState {
  status: string;
  rowCount: number;
  byteCount: number;
  url: string;
  error: string | null;
}

async function graphql<T>(origin: string, secret: string, query: string, variables = {}): Promise<T> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

/** The floor's statement: the same values in the same order, written as CSV by the database itself. */
async function floorStatement(url: string): Promise<string> {
  const database = await openDatabase({ url, dataDir: '', poolMax: 1 });
  try {
    const list = EXPORTED_LISTS.DONATIONS;
    const q = list.list({ filter: null }, await RegionDirectory.load(database.db));
    const { columns } = exportRecord(sqlSchema, list.type);
    const dir = sql.raw(q.sort.descending ? 'desc' : 'asc');
    const values = sql.join(
      columns.map((c) => sql`${c.value} as ${sql.identifier(c.path)}`),
      sql`, `,
    );
    const rendered = new PgDialect().sqlToQuery(
      sql`copy (select ${values} from ${q.table} order by ${q.sort.key} ${dir}, ${q.table.id} ${dir})
        to stdout with (format csv, header)`,
    );
    if (rendered.params.length > 0) throw new Error('the floor statement has parameters');
    return rendered.sql;
  } finally {
    await database.close();
  }
}

async function developerKey(url: string): Promise<string> {
  const database = await openDatabase({ url, dataDir: '', poolMax: 1 });
  try {
    const created = await createKey(database.db, { name: 'bench exports', tier: 'DEVELOPER' });
    if (isUserError(created)) throw new Error(created.message);
    return created.secret;
  } finally {
    await database.close();
  }
}

/** Rows and exact sums (in fen) of the amount columns of a CSV file with a BOM and a header. */
async function readCsv(input: Readable): Promise<{ rows: number; sums: Record<string, bigint> }> {
  const sums: Record<string, bigint> = Object.fromEntries(Object.values(SUMMED).map((c) => [c, 0n]));
  let rows = 0;
  for await (const record of input.pipe(parse({ columns: true, bom: true })) as AsyncIterable<Record<string, string>>) {
    rows += 1;
    for (const column of Object.values(SUMMED)) {
      const value = record[column];
      if (value) sums[column]! += BigInt(value.replace('.', ''));
    }
  }
  return { rows, sums };
}

const yuan = (fen: bigint) => {
  const text = fen.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

export async function runExports(options: ExportOptions): Promise<ExportRun> {
  const { url, log } = options;
  const exportDir = mkdtempSync(path.join(tmpdir(), 'gongyi-bench-exports-'));
  const secret = await developerKey(url);
  const copy = await floorStatement(url);
  const server = await start('gongyi', options.port, {
    DATABASE_URL: url,
    EXPORT_DIR: exportDir,
    JOB_POLL_INTERVAL_SECONDS: '0.5',
    RATE_LIMIT_DEVELOPER: '1000000000',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    HOST: '127.0.0.1',
  });
  const api: number[] = [];
  const floor: number[] = [];
  let last: ExportState | undefined;
  let floorBytes = 0;
  const memory: ExportRun['memory'] = [];
  try {
    const throughApi = async () => {
      const watch = watchMemory(server.child.pid!);
      const beforeMb = watch.peak();
      const started = performance.now();
      const answer = await graphql<{ startExport: { export?: { id: string } } }>(server.origin, secret, START_EXPORT);
      const id = answer.startExport.export?.id;
      if (!id) throw new Error(`startExport refused: ${JSON.stringify(answer)}`);
      let state: ExportState;
      for (;;) {
        state = (await graphql<{ node: ExportState }>(server.origin, secret, EXPORT_STATE, { id })).node;
        if (state.status !== 'QUEUED' && state.status !== 'RUNNING') break;
        // as often as a client polling every second or two would, twice over
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const seconds = (performance.now() - started) / 1000;
      const { peakMb, hwmMb } = watch.stop();
      if (state.status !== 'SUCCEEDED') throw new Error(`the export ${state.status}: ${state.error}`);
      api.push(seconds);
      last = state;
      memory.push({ beforeMb, peakMb, hwmMb });
      log(
        `  export through the API: ${state.rowCount} rows in ${seconds.toFixed(1)} s, RSS ${beforeMb.toFixed(0)} → ${peakMb.toFixed(0)} MB`,
      );
    };
    const throughCopy = async () => {
      const file = path.join(exportDir, 'floor.csv');
      // a connection of its own each time: a second COPY on one postgres.js connection was seen to stall
      const client = postgres(url, { max: 1, onnotice: () => {} });
      const started = performance.now();
      try {
        await pipeline(await client.unsafe(copy).readable(), createWriteStream(file));
      } finally {
        await client.end();
      }
      const seconds = (performance.now() - started) / 1000;
      floor.push(seconds);
      floorBytes = statSync(file).size;
      rmSync(file);
      log(`  COPY … TO STDOUT: ${seconds.toFixed(1)} s`);
    };
    for (let round = 0; round < options.rounds; round += 1) {
      // alternate which goes first, so neither always meets a cold or a warm cache
      if (round % 2 === 0) {
        await throughApi();
        await throughCopy();
      } else {
        await throughCopy();
        await throughApi();
      }
    }

    log('  checking the last file against totalCount and donationSummary');
    const download = await fetch(`${server.origin}${last!.url}`, { headers: { authorization: `Bearer ${secret}` } });
    if (!download.ok || !download.body) throw new Error(`download: HTTP ${download.status}`);
    const file = await readCsv(Readable.fromWeb(download.body as never));
    const answers = await graphql<{
      donations: { totalCount: number };
      donationSummary: Record<string, { value: string }> & { donationCount: number };
    }>(server.origin, secret, SUMMARY);
    const sums = Object.fromEntries(
      Object.entries(SUMMED).map(([field, column]) => [
        column,
        { file: yuan(file.sums[column]!), summary: answers.donationSummary[field]!.value },
      ]),
    );
    const check = { rows: file.rows, totalCount: answers.donations.totalCount, sums };
    const mismatched = Object.entries(sums).filter(([, s]) => s.file !== s.summary);
    if (file.rows !== check.totalCount || file.rows !== last!.rowCount || mismatched.length > 0) {
      throw new Error(`the export disagrees with the API: ${JSON.stringify(check)}`);
    }
    return {
      rows: last!.rowCount,
      rounds: options.rounds,
      apiSeconds: median(api),
      floorSeconds: median(floor),
      bytes: last!.byteCount,
      floorBytes,
      memory,
      check,
    };
  } finally {
    await stop(server.child);
    rmSync(exportDir, { recursive: true, force: true });
  }
}

/** The section of RESULTS.md. */
export function exportSection(run: ExportRun): string[] {
  const f = (n: number, digits = 2) => n.toFixed(digits);
  const apiRate = run.rows / run.apiSeconds;
  const floorRate = run.rows / run.floorSeconds;
  const ratio = apiRate / floorRate;
  const growth = (m: ExportRun['memory'][number]) => m.peakMb - m.beforeMb;
  const [cold, ...warm] = run.memory;
  const warmest = warm.length > 0 ? Math.max(...warm.map(growth)) : null;
  const lines = ['', '# Exports', ''];
  lines.push(
    `Every donation (${run.rows} rows) to CSV, median of ${run.rounds} round(s) alternating which path goes first. **gongyi**: \`startExport\` with a DEVELOPER key until \`node(id:)\` says SUCCEEDED (queue pick-up and polling included): the worker streams the list from a cursor, 1,000 lines a fetch, to EXPORT_DIR. **floor**: \`COPY (select the same values in the same order) TO STDOUT (FORMAT csv, HEADER)\` through postgres.js into a file.`,
    '',
    '## Targets',
    '',
    `- export: this API ÷ floor = **${f(ratio)}** in rows per second ${ratio >= 0.5 ? '(met, ≥ 0.5)' : '(missed: target 0.5)'}`,
    `- export memory, the server's peak RSS while exporting over its RSS just before: first export on a fresh server **+${f(growth(cold!), 0)} MB** (${f(cold!.beforeMb, 0)} → ${f(cold!.peakMb, 0)} MB) ${growth(cold!) < 100 ? '(met, < 100 MB)' : '(missed: target < 100 MB)'}${warmest === null ? '' : `; later exports at most **+${f(warmest, 0)} MB** (${warm.map((m) => `${f(m.beforeMb, 0)} → ${f(m.peakMb, 0)}`).join(', ')} MB) ${warmest < 100 ? '(met)' : '(missed)'}`}; VmHWM at the end ${f(Math.max(...run.memory.map((m) => m.hwmMb)), 0)} MB`,
    `- the file: ${run.check.rows} rows = totalCount ${run.check.totalCount}; sums = donationSummary: ${Object.entries(
      run.check.sums,
    )
      .map(([column, s]) => `${column} ${s.file}`)
      .join(', ')}`,
    '',
    '## Figures',
    '',
    '| export | path | rows/s | seconds | MB written |',
    '|---|---|--:|--:|--:|',
    `| donations, CSV | gongyi (startExport) | ${f(apiRate, 0)} | ${f(run.apiSeconds, 1)} | ${f(run.bytes / 2 ** 20, 0)} |`,
    `| donations, CSV | floor (COPY TO STDOUT) | ${f(floorRate, 0)} | ${f(run.floorSeconds, 1)} | ${f(run.floorBytes / 2 ** 20, 0)} |`,
  );
  return lines;
}
