/**
 * The write side of `npm run bench`, each path beside its floor in the same run:
 * - single mutations: `recordDonation` over HTTP with a foundation's PARTNER key, with and without
 *   an Idempotency-Key, against bench/write-floor-server.ts writing the same two rows per request;
 * - an import: a CSV streamed to `POST /imports` against `COPY ... FROM STDIN` of the same rows,
 *   each into a fresh database, with the server's resident memory sampled every 50 ms.
 * Every database is created and dropped here; rows written are counted, not assumed.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client';
import type { SyntheticOptions } from '../src/db/seed/synthetic';
import { submissionSourceId } from '../src/modules/provenance/store';
import { createWriters } from '../tests/support/writers';
import { dropDatabase, freshDatabase } from './database';
import {
  COPY_CHANGE_COLUMNS,
  COPY_DONATION_COLUMNS,
  CSV_COLUMNS,
  copyValue,
  createdChange,
  csvLine,
  donationInput,
  donationRow,
  type Parties,
} from './donation-rows';
import { measure, type Sample, type Target } from './measure';
import { watchMemory } from './memory';
import { start, stop, type Running } from './servers';
import { rowIdOf } from './shapes';
import type { FloorWriter } from './write-floor-server';
import { median } from './median';

/** The data every write database starts with: enough organizations and projects to write for. */
const SEED: SyntheticOptions = { organizations: 60, projects: 120, donations: 300, trainingSessions: 10, seed: 7 };

/** How the API's server is told that nothing but the run itself limits it. */
const UNLIMITED = { RATE_LIMIT_PARTNER: '1000000000', LOG_LEVEL: 'warn', SEED_DEMO: 'false', HOST: '127.0.0.1' };

const RECORD_DONATION = `mutation RecordDonation($input: RecordDonationInput!) {
  recordDonation(input: $input) {
    __typename
    ... on RecordDonationSuccess { donation { id } }
    ... on UserError { code field message }
  }
}`;

export type MutationPath = 'gongyi' | 'gongyi-idempotent' | 'floor';
export type ImportPath = 'gongyi' | 'floor';

export interface MutationResult {
  path: MutationPath;
  /** medians over rounds */
  perSecond: number;
  p50: number;
  p95: number;
  cpuMsPerRequest: number;
  /** responses that were not 2xx, or rows that were not written, over all rounds */
  errors: number;
}

export interface ImportResult {
  path: ImportPath;
  /** median over rounds */
  rowsPerSecond: number;
  /** the floor only: rows per second of its `donations` COPY alone, before the history rows */
  donationsOnlyRowsPerSecond: number | null;
  /** the API only: the server's resident memory, MB, the largest over rounds */
  memory: { beforeMb: number; atQuarterMb: number; peakMb: number; hwmMb: number } | null;
}

export interface WriteRun {
  mutations: MutationResult[];
  imports: ImportResult[];
  mutationsPerRound: number;
  importRows: number;
  rounds: number;
  importRounds: number;
  connections: number;
}

export interface WriteOptions {
  adminUrl: string;
  mutationsPerRound: number;
  importRows: number;
  rounds: number;
  importRounds: number;
  connections: number;
  basePort: number;
  log: (line: string) => void;
}

interface WriteDatabase {
  url: string;
  parties: Parties;
  /** a foundation's PARTNER key, and the floor's writer with the same key and source */
  secret: string;
  writer: FloorWriter;
}

/** A fresh database `name` with the seed, a PARTNER key of a foundation and the parties of its donations. */
async function writeDatabase(options: WriteOptions, name: string): Promise<WriteDatabase> {
  const url = await freshDatabase(options.adminUrl, name, SEED, () => {});
  const database = await openDatabase({ url, dataDir: '', poolMax: 2 });
  try {
    const { foundation, grantee } = await createWriters(database.db);
    const organizationId = rowIdOf(foundation.id);
    const key = foundation.key.apiKey;
    const sourceId = await submissionSourceId(database.db, {
      keyId: key.id,
      name: key.name,
      organizationId,
      internal: false,
    });
    return {
      url,
      parties: {
        donorId: organizationId,
        donorName: foundation.name,
        recipientId: rowIdOf(grantee.id),
        projectId: rowIdOf(grantee.projectId),
      },
      secret: foundation.key.secret,
      writer: { keyId: key.id, keyName: key.name, organizationId, sourceId },
    };
  } finally {
    await database.close();
  }
}

async function donationCount(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from donations`;
    return row!.n;
  } finally {
    await sql.end();
  }
}

/** Single mutations, every path in each round, rotating which goes first. */
async function runMutations(options: WriteOptions): Promise<MutationResult[]> {
  const { log } = options;
  const name = 'gongyi_bench_writes';
  const db = await writeDatabase(options, name);
  const servers: Running[] = [];
  try {
    const gongyi = await start('gongyi', options.basePort, { ...UNLIMITED, DATABASE_URL: db.url });
    servers.push(gongyi);
    const floor = await start('write-floor', options.basePort + 1, {
      DATABASE_URL: db.url,
      WRITER: JSON.stringify(db.writer),
    });
    servers.push(floor);
    let row = 0;
    const targets: Record<MutationPath, Target> = {
      gongyi: mutationTarget(gongyi, db, () => row++, false),
      'gongyi-idempotent': mutationTarget(gongyi, db, () => row++, true),
      floor: { ...mutationTarget(floor, db, () => row++, false), url: `${floor.origin}/donations` },
    };
    const paths = Object.keys(targets) as MutationPath[];
    for (const path of paths) await checkMutation(targets[path]);
    log('mutations: every path records a donation');

    const samples = new Map<MutationPath, Array<Sample & { unwritten: number }>>();
    for (let round = 0; round < options.rounds; round += 1) {
      for (const path of paths.map((_, i) => paths[(i + round) % paths.length]!)) {
        const warmUp = Math.min(200, Math.ceil(options.mutationsPerRound / 4));
        await measure(targets[path], { requests: warmUp }, options.connections);
        const before = await donationCount(db.url);
        const sample = await measure(targets[path], { requests: options.mutationsPerRound }, options.connections);
        const unwritten = sample.requests - (await donationCount(db.url)) + before;
        samples.set(path, [...(samples.get(path) ?? []), { ...sample, unwritten }]);
        log(
          `round ${round + 1} recordDonation/${path}: ${sample.rps.toFixed(0)} mutations/s, p50 ${sample.p50.toFixed(2)} ms, errors ${sample.errors}, unwritten ${unwritten}`,
        );
      }
    }
    return paths.map((path) => {
      const runs = samples.get(path)!;
      return {
        path,
        perSecond: median(runs.map((r) => r.rps)),
        p50: median(runs.map((r) => r.p50)),
        p95: median(runs.map((r) => r.p95)),
        cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
        errors: runs.reduce((n, r) => n + r.errors + Math.abs(r.unwritten), 0),
      };
    });
  } finally {
    await Promise.all(servers.map((server) => stop(server.child)));
    await dropDatabase(options.adminUrl, name);
  }
}

/** `recordDonation` of a new row each request, with the foundation's key; an Idempotency-Key each when `idempotent`. */
function mutationTarget(server: Running, db: WriteDatabase, nextRow: () => number, idempotent: boolean): Target {
  return {
    url: `${server.origin}/graphql`,
    method: 'POST',
    headers: { authorization: `Bearer ${db.secret}` },
    next: () => ({
      body: JSON.stringify({ query: RECORD_DONATION, variables: { input: donationInput(db.parties, nextRow()) } }),
      headers: idempotent ? { 'idempotency-key': randomUUID() } : undefined,
    }),
    pid: server.child.pid!,
  };
}

/** Sends one request of `target` and fails the run unless a donation was recorded. */
async function checkMutation(target: Target): Promise<void> {
  const { body, headers } = target.next!();
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers, ...headers },
    body,
  });
  const text = await response.text();
  const typename = (JSON.parse(text) as { data?: { recordDonation?: { __typename?: string } } }).data?.recordDonation
    ?.__typename;
  if (!response.ok || typename !== 'RecordDonationSuccess') throw new Error(`${target.url}: ${text.slice(0, 500)}`);
}

/** The import's CSV, `rows` rows after the header, made as the request's body is read. */
async function* csvFile(parties: Parties, rows: number, onRows: (sent: number) => void): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\n`;
  for (let i = 0; i < rows; i += 500) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 500); j += 1) chunk += csvLine(parties, j);
    yield chunk;
    onRows(Math.min(rows, i + 500));
  }
}

/**
 * Streams the CSV to `POST /imports`, then follows the queued import until its worker has
 * finished it; samples the server's memory throughout.
 */
async function importThroughApi(
  options: WriteOptions,
  name: string,
): Promise<{ seconds: number; memory: NonNullable<ImportResult['memory']> }> {
  const db = await writeDatabase(options, name);
  const server = await start('gongyi', options.basePort + 2, {
    ...UNLIMITED,
    DATABASE_URL: db.url,
    JOB_POLL_INTERVAL_SECONDS: '0.5',
  });
  try {
    const before = await donationCount(db.url);
    const watch = watchMemory(server.child.pid!);
    const beforeMb = watch.peak();
    const quarter = Math.ceil(options.importRows / 4);
    let atQuarterMb = 0;
    const started = performance.now();
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const post = request(`${server.origin}/imports?entity=DONATIONS&mode=ALL_OR_NOTHING`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${db.secret}` },
      });
      post.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      });
      post.on('error', reject);
      const file = Readable.from(
        csvFile(db.parties, options.importRows, (sent) => {
          if (sent >= quarter && !atQuarterMb) atQuarterMb = watch.peak();
        }),
      );
      // an early answer (a refusal) ends the upload; the answer is what counts
      pipeline(file, post).catch(() => {});
    });
    if (status !== 202) throw new Error(`POST /imports: HTTP ${status}: ${text.slice(0, 500)}`);
    const finished = await finishedImport(server.origin, db.secret, (JSON.parse(text) as ImportAnswer).data.import.id);
    const seconds = (performance.now() - started) / 1000;
    const { peakMb, hwmMb } = watch.stop();
    const written = (await donationCount(db.url)) - before;
    if (finished !== 'SUCCEEDED' || written !== options.importRows)
      throw new Error(`POST /imports: the import ${finished}, ${written} of ${options.importRows} rows written`);
    return { seconds, memory: { beforeMb, atQuarterMb, peakMb, hwmMb } };
  } finally {
    await stop(server.child);
    await dropDatabase(options.adminUrl, name);
  }
}

interface ImportAnswer {
  data: { import: { id: string } };
}

const IMPORT_STATUS = `query ImportStatus($id: ID!) { node(id: $id) { ... on Import { status } } }`;

/** Polls a queued import every 100 ms until its worker has finished it; its final status. */
async function finishedImport(origin: string, secret: string, id: string): Promise<string> {
  for (;;) {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: IMPORT_STATUS, variables: { id } }),
    });
    const body = (await response.json()) as { data?: { node?: { status: string } } };
    const status = body.data?.node?.status;
    if (!status) throw new Error(`import ${id} is not readable: ${JSON.stringify(body)}`);
    if (status !== 'QUEUED' && status !== 'RUNNING') return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The floor: the same rows by COPY through postgres.js, donations then their history rows, in one transaction. */
async function importThroughCopy(
  options: WriteOptions,
  name: string,
): Promise<{ seconds: number; donationsSeconds: number }> {
  const db = await writeDatabase(options, name);
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    const before = await donationCount(db.url);
    const { parties, writer } = db;
    const started = performance.now();
    let donationsSeconds = 0;
    const ids: string[] = [];
    await sql.begin(async (tx) => {
      const donations = await tx.unsafe(`copy donations (${COPY_DONATION_COLUMNS}) from stdin`).writable();
      await pipeline(
        Readable.from(
          lines(options.importRows, (i) => {
            const id = randomUUID();
            ids.push(id);
            const row = donationRow(i);
            return [
              id,
              parties.donorId,
              parties.donorName,
              parties.recipientId,
              parties.projectId,
              row.purpose,
              'PLEDGED',
              row.pledgedOn,
              row.cash,
              row.inKind,
              row.total,
              row.inKindDescription,
              row.note,
              'SUBMITTED',
              writer.sourceId,
            ];
          }),
        ),
        donations,
      );
      donationsSeconds = (performance.now() - started) / 1000;
      const changes = await tx.unsafe(`copy record_changes (${COPY_CHANGE_COLUMNS}) from stdin`).writable();
      await pipeline(
        Readable.from(
          lines(options.importRows, (i) => [
            ids[i]!,
            'DONATION',
            '1',
            'CREATED',
            writer.keyId,
            writer.keyName,
            writer.organizationId,
            JSON.stringify(createdChange(parties, i)),
          ]),
        ),
        changes,
      );
    });
    const seconds = (performance.now() - started) / 1000;
    const written = (await donationCount(db.url)) - before;
    if (written !== options.importRows) throw new Error(`COPY wrote ${written} of ${options.importRows} rows`);
    return { seconds, donationsSeconds };
  } finally {
    await sql.end();
    await dropDatabase(options.adminUrl, name);
  }
}

/** COPY text lines of `rows` rows, 500 to a chunk. */
function* lines(rows: number, values: (i: number) => (string | null)[]): Generator<string> {
  for (let i = 0; i < rows; i += 500) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 500); j += 1) chunk += `${values(j).map(copyValue).join('\t')}\n`;
    yield chunk;
  }
}

/** The import and its floor, alternating which goes first, each into a fresh database. */
async function runImports(options: WriteOptions): Promise<ImportResult[]> {
  const { log, importRows } = options;
  const api: Array<{ seconds: number; memory: NonNullable<ImportResult['memory']> }> = [];
  const floor: Array<{ seconds: number; donationsSeconds: number }> = [];
  for (let round = 0; round < options.importRounds; round += 1) {
    for (const path of round % 2 ? (['floor', 'gongyi'] as const) : (['gongyi', 'floor'] as const)) {
      if (path === 'floor') {
        const run = await importThroughCopy(options, 'gongyi_bench_import_floor');
        floor.push(run);
        log(`round ${round + 1} import/floor: ${(importRows / run.seconds).toFixed(0)} rows/s`);
      } else {
        const run = await importThroughApi(options, 'gongyi_bench_import_api');
        api.push(run);
        log(
          `round ${round + 1} import/gongyi: ${(importRows / run.seconds).toFixed(0)} rows/s, RSS ${run.memory.beforeMb.toFixed(0)} → ${run.memory.atQuarterMb.toFixed(0)} (25%) → ${run.memory.peakMb.toFixed(0)} MB peak`,
        );
      }
    }
  }
  const most = (pick: (m: NonNullable<ImportResult['memory']>) => number) =>
    Math.max(...api.map((r) => pick(r.memory)));
  return [
    {
      path: 'gongyi',
      rowsPerSecond: median(api.map((r) => importRows / r.seconds)),
      donationsOnlyRowsPerSecond: null,
      memory: {
        beforeMb: most((m) => m.beforeMb),
        atQuarterMb: most((m) => m.atQuarterMb),
        peakMb: most((m) => m.peakMb),
        hwmMb: most((m) => m.hwmMb),
      },
    },
    {
      path: 'floor',
      rowsPerSecond: median(floor.map((r) => importRows / r.seconds)),
      donationsOnlyRowsPerSecond: median(floor.map((r) => importRows / r.donationsSeconds)),
      memory: null,
    },
  ];
}

export async function runWrites(options: WriteOptions): Promise<WriteRun> {
  options.log(
    `write side: ${options.mutationsPerRound} mutations per path and round, a ${options.importRows}-row import`,
  );
  const mutations = await runMutations(options);
  const imports = await runImports(options);
  return {
    mutations,
    imports,
    mutationsPerRound: options.mutationsPerRound,
    importRows: options.importRows,
    rounds: options.rounds,
    importRounds: options.importRounds,
    connections: options.connections,
  };
}
