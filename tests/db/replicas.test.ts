import pino from 'pino';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { ReadRouting, type ReplicaStatus } from '../../src/db/replicas';
import { loadDemo } from '../../src/db/seed/demo';
import { describeNeeding } from '../support/describe-needing';
import type { TestKey } from '../support/keys';
import { canStartStreamingPair, POSTGRES_BIN, startStreamingPair, type StreamingPair } from '../support/replica';
import { serveTestDatabase, type TestServer } from '../support/server';
import { createWriters } from '../support/writers';

/** Lag allowed, checks' period, and how late the replica applies each commit. */
const MAX_LAG_MS = 2_500;
const CHECK_INTERVAL_MS = 100;
const APPLY_DELAY_MS = 1_000;

const SUMMARY = '{ donationSummary { donationCount total { value } } }';
const PROJECT = 'query Project($id: ID!) { project(id: $id) { name } }';
const CREATE = /* GraphQL */ `
  mutation Create($input: UpsertProjectInput!) {
    upsertProject(input: $input) {
      ... on UpsertProjectSuccess {
        project {
          id
        }
      }
    }
  }
`;

const LARGE_BUDGETS = { ANONYMOUS: 1e9, DEVELOPER: 1e9, PARTNER: 1e9, INTERNAL: 1e9 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds, for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<void> {
  for (const until = Date.now() + ms; !(await check());) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await sleep(50);
  }
}

describeNeeding(
  canStartStreamingPair(),
  'read replicas',
  `needs PostgreSQL 15's binaries in ${POSTGRES_BIN} to start a primary and its streaming replica`,
  () => {
    let pair: StreamingPair;
    let primary: Database;
    let reads: ReadRouting;
    let server: TestServer;
    let onPrimary: postgres.Sql;
    let onReplica: postgres.Sql;
    let writer: TestKey;
    let organizationId: string;

    /** The calls the replica's pg_stat_statements counts for statements reading donations. */
    const donationReads = async (sql: postgres.Sql) => {
      const [row] = await sql<[{ calls: string }]>`
        select coalesce(sum(calls), 0)::text as calls from pg_stat_statements
         where query ilike '%from%donation%' and query not ilike '%pg_stat_statements%'`;
      return Number(row.calls);
    };
    const readiness = async () =>
      (await (await fetch(`${server.origin}/readyz`)).json()) as { status: string; replicas: ReplicaStatus[] };

    beforeAll(async () => {
      pair = await startStreamingPair({ applyDelayMs: APPLY_DELAY_MS });
      primary = await openDatabase({ url: pair.primaryUrl, dataDir: '', poolMax: 6 });
      await migrate(primary);
      await loadDemo(primary, { organizations: 30, projects: 60, donations: 300, trainingSessions: 20, seed: 1 });
      const writers = await createWriters(primary.db);
      writer = writers.grantee.key;
      organizationId = writers.grantee.id;
      onPrimary = postgres(pair.primaryUrl, { max: 1, onnotice: () => {} });
      onReplica = postgres(pair.replicaUrl, { max: 1, onnotice: () => {} });
      reads = await ReadRouting.open(
        primary,
        {
          urls: [pair.replicaUrl],
          maxLagMs: MAX_LAG_MS,
          checkIntervalMs: CHECK_INTERVAL_MS,
          redisUrl: process.env['REDIS_URL'],
        },
        { poolMax: 6 },
        pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }),
      );
      server = await serveTestDatabase(
        { database: primary, url: pair.primaryUrl, drop: async () => {} },
        // budgets of this instance's own, large enough for the load below
        { reads, jobs: { work: false }, access: { redisUrl: undefined, tierBudgets: LARGE_BUDGETS } },
      );
      await eventually(async () => (await readiness()).replicas[0]!.inUse, 10_000);
      // the seed reaches the replica a delay later: the reads below need it there
      const [{ lsn }] = await onPrimary<[{ lsn: string }]>`select pg_current_wal_lsn()::text as lsn`;
      await eventually(async () => {
        const [{ replayed }] = await onReplica<[{ replayed: boolean }]>`
          select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as replayed`;
        return replayed;
      }, 10_000);
    }, 60_000);

    afterAll(async () => {
      await server?.close();
      await reads?.close();
      await primary?.close();
      await onPrimary?.end();
      await onReplica?.end();
      await pair?.stop();
    }, 30_000);

    it('answers queries from the replica, as its pg_stat_statements shows, and not from the primary', async () => {
      const [replicaBefore, primaryBefore] = [await donationReads(onReplica), await donationReads(onPrimary)];
      for (let i = 0; i < 5; i += 1) {
        const { body } = await server.query(SUMMARY);
        expect(body.errors).toBeUndefined();
        expect(body.data.donationSummary.donationCount).toBeGreaterThan(0);
      }
      expect((await donationReads(onReplica)) - replicaBefore).toBeGreaterThanOrEqual(5);
      expect((await donationReads(onPrimary)) - primaryBefore).toBe(0);
      // /metrics shows both pools, the replica's under the address /readyz gives it
      const metrics = await (await fetch(`${server.origin}/metrics`)).text();
      const pool = (database: string) => `gongyi_db_pool_connections{database="${database}",state="max"} 6`;
      expect(metrics).toContain(pool('primary'));
      expect(metrics).toContain(pool((await readiness()).replicas[0]!.url));
    });

    it('shows a caller the project it has just created, which the replica does not have yet', async () => {
      for (let round = 1; round <= 3; round += 1) {
        const name = `读己所写 ${round}`;
        const written = await server.query(
          CREATE,
          { input: { organizationId, name, category: 'OTHER', fundingChannel: 'OTHER', status: 'PLANNED' } },
          writer.headers,
        );
        const id = written.body.data?.upsertProject.project.id;
        expect(written.body).toEqual({ data: { upsertProject: { project: { id } } } });
        const read = await server.query(PROJECT, { id }, writer.headers);
        expect(read.body).toEqual({ data: { project: { name } } });
        // the replica applies commits APPLY_DELAY_MS late: read there, the project is not there yet
        expect(await onReplica`select 1 from projects where name = ${name}`).toHaveLength(0);
      }
    });

    it('keeps answering when the replica stops under load: the reads it had are sent to the primary', async () => {
      let stopping = true;
      let answered = 0;
      const failures: unknown[] = [];
      const client = async () => {
        while (stopping) {
          const { status, body } = await server.query(SUMMARY).catch((error: unknown) => ({
            status: 0,
            body: { errors: [String(error)], data: undefined },
          }));
          if (status !== 200 || body.errors) failures.push(body.errors);
          else answered += 1;
        }
      };
      const clients = Array.from({ length: 8 }, client);
      await sleep(1_000);
      const beforeStop = answered;
      await pair.stopReplica();
      await sleep(1_500);
      stopping = false;
      await Promise.all(clients);
      expect(failures).toEqual([]);
      expect(beforeStop).toBeGreaterThan(0);
      expect(answered).toBeGreaterThan(beforeStop);
      const { status, replicas } = await readiness();
      expect(status).toBe('ready');
      expect(replicas).toEqual([expect.objectContaining({ inUse: false })]);

      // started again, it catches up and is back in use
      await pair.startReplica();
      await eventually(async () => (await readiness()).replicas[0]!.inUse, 15_000);
      await onReplica.end();
      onReplica = postgres(pair.replicaUrl, { max: 1, onnotice: () => {} });
    }, 40_000);

    it('takes a replica out while it lags beyond REPLICA_MAX_LAG_MS, and back once it has caught up', async () => {
      await onReplica`select pg_wal_replay_pause()`;
      try {
        await onPrimary`select pg_logical_emit_message(true, 'test', 'a write the replica has not replayed')`;
        await eventually(async () => !(await readiness()).replicas[0]!.inUse, 5_000);
        const [replica] = (await readiness()).replicas;
        expect(replica!.lagMs).toBeGreaterThan(MAX_LAG_MS);
        expect(replica!.reason).toMatch(/over REPLICA_MAX_LAG_MS/);
        const before = await donationReads(onReplica);
        expect((await server.query(SUMMARY)).body.errors).toBeUndefined();
        expect(await donationReads(onReplica)).toBe(before);
      } finally {
        await onReplica`select pg_wal_replay_resume()`;
      }
      await eventually(async () => (await readiness()).replicas[0]!.inUse, 5_000);
    });

    it('measures no lag on a replica of an idle primary, however long since the last commit', async () => {
      await sleep(MAX_LAG_MS + APPLY_DELAY_MS);
      const [replica] = (await readiness()).replicas;
      expect(replica).toMatchObject({ url: pair.replicaUrl, inUse: true });
      expect(replica!.lagMs).toBeLessThan(MAX_LAG_MS / 2);
      // what the replay timestamp would have said: the time since the last commit, as if it lagged
      const [since] = await onReplica<[{ ms: number }]>`
        select extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000 as ms`;
      expect(Number(since.ms)).toBeGreaterThan(MAX_LAG_MS);
    });
  },
);
