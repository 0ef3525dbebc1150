import PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Database, type Db } from '../db/client';

/**
 * The one durable job queue (exports, imports, webhook deliveries): pg-boss, in the database's
 * `pgboss` schema. Chosen over graphile-worker because pg-boss runs its SQL through any object with
 * `executeSql`, so the same queue runs on the embedded PGlite (one connection, no LISTEN) and on a
 * server through our guarded postgres.js client, and a job can be sent inside the transaction
 * that makes the work it stands for. Jobs are fetched with `FOR UPDATE SKIP LOCKED`, so two
 * instances never run the same job; a job whose worker died is failed when its `expireInSeconds`
 * pass and retried as its queue says.
 */
export type JobQueue = PgBoss;

export interface JobQueueOptions {
  /** how often an idle worker looks for jobs; pg-boss's floor is 0.5 s */
  pollingIntervalSeconds?: number;
  /** how often pg-boss fails jobs past their expiry and archives old ones */
  maintenanceIntervalSeconds?: number;
  /** false: this instance sends jobs but runs none, nor the queue's maintenance (an API-only instance) */
  work?: boolean;
}

/** pg-boss's `Db` inside a Drizzle transaction: a job sent through it exists iff the transaction commits. */
export function queueDb(tx: Db): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await rows<unknown>(tx, withParameters(text, values)),
    }),
  };
}

/** `$n` placeholders of pg-boss's SQL as Drizzle parameters. */
function withParameters(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${sql.param(asPgValue(values[Number(match[1]) - 1]))}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/** A value as pg-boss's own driver (`pg`) would send it: plain objects as JSON, undefined as null. */
function asPgValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    return JSON.stringify(value);
  }
  return value;
}

/** Errors of a connection that was gone: the statement never ran to its end, so it is safe to send again. */
const LOST_CONNECTION = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
]);

/**
 * Runs one of pg-boss's statements, again (up to 3 times, 250 ms apart) when its connection was
 * lost: a job whose completion or failure could not be recorded would otherwise stay active until
 * it expires (an hour for an import) before its retry.
 */
async function retryingLostConnections<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 3 || typeof code !== 'string' || !LOST_CONNECTION.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Starts the queue: installs or upgrades its schema (under pg-boss's own advisory lock) and its maintenance. */
export async function openJobQueue(
  database: Database,
  logger: Logger,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const boss = new PgBoss({
    db: {
      executeSql: (text: string, values: unknown[] = []) =>
        retryingLostConnections(() => database.executeSql(text, values.map(asPgValue))),
    },
    schema: 'pgboss',
    // no cron schedules: nothing here needs pg-boss's clock
    schedule: false,
    supervise: options.work !== false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
  } as PgBoss.ConstructorOptions);
  if (options.work === false) {
    // workers registered on a send-only instance take no jobs
    boss.work = (async () => '') as PgBoss['work'];
  }
  boss.on('error', (err) => logger.warn({ err }, 'job queue maintenance failed; it tries again'));
  await boss.start();
  return boss;
}
