import { mkdirSync } from 'node:fs';
import type { Extension } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { Semaphore, withTimeout } from 'async-mutex';
import postgres from 'postgres';
import { inDatabaseSpan } from '../observability/database-spans';
import { claimDataDir } from './embedded-lock';
import { EMBEDDED_TEMPLATE, startFromTemplate } from './embedded-template';
import { PreparedStatementPolicy } from './prepared-statements';
import { withReadFallback } from './read-fallback';
import * as schema from './schema';

/** The one query interface every store uses, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly engine: 'postgres' | 'pglite';
  /** SQL statements sent since the database was opened; tests read it to prove batching. */
  readonly statementCount: () => number;
  /**
   * Calls `watcher` with the text and parameters of every statement sent until the returned
   * function is called; tests read it to prove what a statement selects, and EXPLAIN it.
   */
  readonly watchStatements: (watcher: (query: string, params: readonly unknown[]) => void) => () => void;
  /**
   * Runs a statement rendered ahead of time that answers one row with one text column, `data`,
   * and returns that text; for statements built outside Drizzle's query builder. On the server it
   * is the UTF-8 bytes that came in (a Buffer), so a response that sends the text on never decodes
   * and encodes it again; on PGlite a string.
   */
  readonly readText: (statement: RenderedStatement) => Promise<Line>;
  /**
   * Runs SQL text with `$n` parameters, or several statements without parameters in one simple
   * query (answering the last one's rows); for libraries that bring their own SQL (the job queue).
   * Not counted by `statementCount` or watchers: it is background housekeeping, not a request's work.
   */
  readonly executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  /**
   * Reads a statement whose rows are one text column through a cursor, `batchRows` at a time, in
   * one read-only transaction (one snapshot) whose statements may each take `statementTimeoutMs`,
   * handing each batch to `write` while the next is fetched; returns the number of rows. On the
   * server the lines stay the bytes that came in (Buffers): a million lines decoded into strings
   * and encoded again are half a gigabyte of garbage. On PGlite they are strings.
   */
  readonly readLines: (
    statement: RenderedStatement,
    options: { batchRows: number; statementTimeoutMs: number },
    write: (lines: Line[]) => Promise<void>,
  ) => Promise<number>;
  readonly ping: () => Promise<void>;
  readonly close: () => Promise<void>;
  /** the server's pool as its turn-taking sees it, for /metrics; null on PGlite (one connection, its own queue) */
  readonly usage: () => DatabaseUsage | null;
}

/**
 * Turns on the server's pool: every query (and every transaction, BEGIN to end) holds one of
 * `poolMax` turns, one per connection, so `inUse` is the connections busy and `waiting` the
 * queries queued for one. postgres.js itself exposes neither.
 */
export interface DatabaseUsage {
  poolMax: number;
  inUse: number;
  waiting: number;
  /** statement texts prepared in the current period (at most DB_PREPARED_STATEMENTS) */
  preparedStatements: number;
}

/** One row's text as `readLines` reads it: its UTF-8 bytes on the server, a string on PGlite. */
export type Line = Buffer | string;

/**
 * `readLines` over a driver's transaction: declares the cursor, then fetches batch after batch,
 * each written while the next is read, so at most two batches are in memory.
 */
async function readThroughCursor(
  query: (text: string, params?: unknown[]) => Promise<Line[]>,
  statement: RenderedStatement,
  { batchRows, statementTimeoutMs }: { batchRows: number; statementTimeoutMs: number },
  write: (lines: Line[]) => Promise<void>,
): Promise<number> {
  await query(`set local statement_timeout = ${Math.trunc(statementTimeoutMs)}`);
  await query(`declare read_lines no scroll cursor for ${statement.sql}`, statement.params);
  const fetch = `fetch forward ${Math.trunc(batchRows)} from read_lines`;
  let count = 0;
  let written: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const batch = await query(fetch);
      await written;
      if (batch.length === 0) break;
      count += batch.length;
      written = write(batch);
      if (batch.length < batchRows) break;
    }
    await written;
  } finally {
    // a failed write must not leave its promise unobserved
    await written.catch(() => {});
  }
  return count;
}

/** SQL text with its parameters, as Drizzle's dialect renders it. */
export interface RenderedStatement {
  sql: string;
  params: unknown[];
}

export interface DatabaseOptions {
  /** a PostgreSQL server; without it, the embedded PGlite in dataDir */
  url?: string;
  /** PGlite's folder; `memory://` keeps it in memory */
  dataDir: string;
  /**
   * The PGlite folder an empty `dataDir` starts from (embedded-template.ts): by default the
   * build's, where there is one; null runs initdb (the template's own build).
   */
  template?: string | null;
  poolMax?: number;
  /**
   * A query that has not answered in this many milliseconds, waiting for a pooled connection
   * included, is cancelled and fails with QUERY_DEADLINE; the server's statement_timeout too.
   */
  queryTimeoutMs?: number;
  /** statement texts prepared per period; see PreparedStatementPolicy */
  preparedStatements?: number;
  /**
   * For a replica, which only answers reads: a statement through `db` or `readText` whose
   * connection fails is sent once more to `fallback.primary` (opened first, on a server), and
   * `fallback.onConnectionLost` is told (read-fallback.ts). `ping`, `executeSql` and `readLines`
   * never fall back: they say how the replica itself is.
   */
  fallback?: { primary: Database; onConnectionLost: (error: unknown) => void };
}

/** Each server database's guarded client, for the replicas' reads to fall back to. */
const guardedClients = new WeakMap<Database, postgres.Sql>();

/** The deadline when none is configured: ten seconds. */
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/** How long a pooled connection lives, and how often the prepared statements' admission starts over. */
const PREPARED_PERIOD_MS = 10 * 60_000;

/**
 * PostgreSQL's own choice between a prepared statement's custom and generic plans. A filter's
 * values are written into the statement's text (withValuesWritten), so every plan sees them; the
 * parameters left (a cursor's position, parents' and nodes' ids) do not change a plan, and a hot
 * statement's plan is reused instead of planned again at every run (about 0.4 ms of a cheap page's
 * statement under `force_custom_plan`). Set on each connection so a server's own default does not
 * decide. PGlite sends every statement unnamed, always planned for its values.
 */
export const PLAN_CACHE_MODE = 'auto';

/** A query ran out of time, most often waiting for a free connection; the client may retry. */
export class QueryDeadlineError extends Error {
  readonly code = 'QUERY_DEADLINE';
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
  }
}

/** `sql.unsafe`, preparing a statement only when `prepared` admits its text. */
function preparing(
  sql: postgres.Sql | postgres.TransactionSql,
  prepared: PreparedStatementPolicy,
): postgres.Sql['unsafe'] {
  const unsafe = sql.unsafe.bind(sql);
  return ((query: string, params?: never[], options?: postgres.UnsafeQueryOptions) =>
    unsafe(query, params, { ...options, prepare: prepared.shouldPrepare(query) })) as postgres.Sql['unsafe'];
}

/**
 * How every query through Drizzle runs on postgres.js 3.4.9, around two of its traps: it has no
 * timeout for a free connection, and its cancel() cancels whatever the backend is running, which
 * for a query pipelined behind others is another query; it then hands rows to the wrong query.
 * - Queries take turns, one per pooled connection, so none is pipelined behind another. A query
 *   whose turn has not come within the deadline fails with QUERY_DEADLINE, never having been sent.
 * - A query sent is never cancelled: the caller stops waiting at the deadline, the server's
 *   statement_timeout (the same deadline) ends the statement, and its turn ends with it.
 * - A transaction holds one turn from BEGIN to its end and is always awaited to its end, so a
 *   caller is never told a write failed that then commits.
 * - Statements are prepared as `prepared` admits them.
 */
function guarded(
  client: postgres.Sql,
  turns: number,
  ms: number,
  prepared: PreparedStatementPolicy,
  usage: Pick<DatabaseUsage, 'inUse' | 'waiting'>,
): postgres.Sql {
  const semaphore = withTimeout(new Semaphore(turns), ms, new QueryDeadlineError(ms));
  const take = async <T>(send: () => Promise<T>, deadline: boolean): Promise<T> => {
    const started = Date.now();
    usage.waiting += 1;
    const [, release] = await semaphore.acquire().finally(() => (usage.waiting -= 1));
    usage.inUse += 1;
    const sent = send();
    const done = () => {
      usage.inUse -= 1;
      release();
    };
    sent.then(done, done);
    if (!deadline) return sent;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueryDeadlineError(ms)), ms - (Date.now() - started));
    });
    return Promise.race([sent, late]).finally(() => clearTimeout(timer));
  };

  const unsafe = preparing(client, prepared);
  client.unsafe = ((query: string, params?: never[], options?: postgres.UnsafeQueryOptions) => {
    const pending = unsafe(query, params, options);
    const then = pending.then.bind(pending);
    const settled = () => new Promise<Awaited<typeof pending>>((resolve, reject) => then(resolve, reject));
    pending.then = ((onFulfilled, onRejected) =>
      // a query already running is a transaction's BEGIN, sent within the turn its transaction holds
      ((pending as unknown as { executed?: boolean }).executed
        ? settled()
        : inDatabaseSpan(query, () => take(settled, true))
      ).then(onFulfilled, onRejected)) as typeof pending.then;
    return pending;
  }) as typeof client.unsafe;

  const begin = client.begin.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.begin = ((...args: unknown[]) => {
    const body = args.pop() as (tx: postgres.TransactionSql) => unknown;
    const ended = new TransactionEnd();
    const run = take(
      () =>
        begin(...args, (tx: postgres.TransactionSql) => {
          settleWith(tx, prepared, ended);
          return body(tx);
        }),
      false,
    );
    run.catch((error: unknown) => ended.end(error));
    return run;
  }) as typeof client.begin;
  return client;
}

/**
 * The end of a transaction, for what runs in it to settle with: postgres.js 3.4.9 sends a query
 * on a connection the server closed to a null socket, from a setImmediate, and that query never
 * settles, nor does a savepoint rolling back on one (the transaction itself rejects, racing the
 * connection's close). A settled query is forgotten at once, so a long transaction (an import)
 * keeps no results alive, as a race with one long-pending promise would.
 */
class TransactionEnd {
  private readonly waiting = new Set<(error: unknown) => void>();
  private error: { reason: unknown } | undefined;

  end(reason: unknown): void {
    this.error = { reason };
    for (const reject of this.waiting) reject(reason);
    this.waiting.clear();
  }

  /** `pending`, or the transaction's failure if it ends first. */
  settle<T>(pending: PromiseLike<T>): Promise<T> {
    if (this.error) return Promise.reject(this.error.reason);
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      pending.then(
        (value) => {
          this.waiting.delete(reject);
          resolve(value);
        },
        (reason: unknown) => {
          this.waiting.delete(reject);
          reject(reason);
        },
      );
    });
  }
}

/** Makes a transaction's queries, and its savepoints', settle with `ended`; statements are prepared as `prepared` admits them. */
function settleWith(tx: postgres.TransactionSql, prepared: PreparedStatementPolicy, ended: TransactionEnd): void {
  const unsafe = preparing(tx, prepared);
  tx.unsafe = ((query: string, params?: never[], options?: postgres.UnsafeQueryOptions) => {
    const pending = unsafe(query, params, options);
    const then = pending.then.bind(pending);
    pending.then = ((onFulfilled, onRejected) =>
      inDatabaseSpan(query, () => ended.settle({ then } as PromiseLike<Awaited<typeof pending>>)).then(
        onFulfilled,
        onRejected,
      )) as typeof pending.then;
    return pending;
  }) as typeof tx.unsafe;
  const savepoint = tx.savepoint.bind(tx) as (...args: unknown[]) => Promise<unknown>;
  tx.savepoint = ((...args: unknown[]) => {
    const body = args.pop() as (sp: postgres.TransactionSql) => unknown;
    return ended.settle(
      savepoint(...args, (sp: postgres.TransactionSql) => {
        settleWith(sp, prepared, ended);
        return body(sp);
      }),
    );
  }) as typeof tx.savepoint;
}

class StatementCounter implements Logger {
  count = 0;
  private readonly watchers = new Set<(query: string, params: readonly unknown[]) => void>();
  logQuery(query: string, params: readonly unknown[]): void {
    this.count += 1;
    for (const watcher of this.watchers) watcher(query, params);
  }
  watch(watcher: (query: string, params: readonly unknown[]) => void): () => void {
    this.watchers.add(watcher);
    return () => void this.watchers.delete(watcher);
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const counter = new StatementCounter();
  if (options.url) {
    const poolMax = options.poolMax ?? 10;
    const prepared = new PreparedStatementPolicy(options.preparedStatements ?? 100, PREPARED_PERIOD_MS);
    const pool = postgres(options.url, {
      max: poolMax,
      max_lifetime: PREPARED_PERIOD_MS / 1000,
      onnotice: () => {},
      connection: {
        application_name: 'gongyi-graph',
        statement_timeout: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
        plan_cache_mode: PLAN_CACHE_MODE,
        // the quoting of written values (withValuesWritten) doubles quotes and leaves backslashes as they are
        standard_conforming_strings: 'on',
      },
    });
    const turns = { inUse: 0, waiting: 0 };
    const client = guarded(pool, poolMax, options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS, prepared, turns);
    const { fallback } = options;
    const primary = fallback && guardedClients.get(fallback.primary);
    if (fallback && !primary) throw new Error('a replica falls back to a primary on a PostgreSQL server');
    const reading = primary
      ? withReadFallback(client, { client: primary, onConnectionLost: fallback!.onConnectionLost })
      : client;
    const db = drizzlePostgres(reading, { schema, logger: counter });
    const database: Database = {
      db,
      engine: 'postgres',
      statementCount: () => counter.count,
      watchStatements: (watcher) => counter.watch(watcher),
      readText: async (statement) => {
        counter.logQuery(statement.sql, statement.params);
        // the extended protocol even without parameters: postgres.js sends a statement that has none
        // as a simple query, which it never prepares, so it was parsed and planned at every run
        const extended = { simple: false } as postgres.UnsafeQueryOptions;
        const [row] = await reading.unsafe(statement.sql, statement.params as never[], extended).raw();
        return row![0] as Buffer;
      },
      executeSql: async (text, values = []) => {
        // postgres.js refuses BEGIN on a pool: a transaction's statements run in its begin()
        const body = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/i.exec(text)?.[1];
        const result =
          body === undefined
            ? await client.unsafe(text, values as never[])
            : await client.begin((tx) => tx.unsafe(body));
        // several statements in one simple query answer one result each
        const last = Array.isArray(result[0]) && 'command' in result[0] ? result.at(-1)! : result;
        return { rows: [...(last as Iterable<unknown>)] };
      },
      readLines: async (statement, options, write) => {
        counter.logQuery(statement.sql, statement.params);
        return client.begin('read only', (tx) =>
          readThroughCursor(
            async (text, params = []) =>
              (await tx.unsafe(text, params as never[]).raw()).map((row) => row[0] as Buffer),
            statement,
            options,
            write,
          ),
        );
      },
      ping: async () => void (await client.unsafe('select 1')),
      close: async () => {
        prepared.close();
        await client.end({ timeout: 5 });
      },
      usage: () => ({ poolMax, ...turns, preparedStatements: prepared.size }),
    };
    guardedClients.set(database, client);
    return database;
  }
  let release = () => {};
  if (!options.dataDir.startsWith('memory://')) {
    mkdirSync(options.dataDir, { recursive: true });
    release = claimDataDir(options.dataDir);
    if (options.template !== null) startFromTemplate(options.dataDir, options.template ?? EMBEDDED_TEMPLATE);
  }
  // PGlite is required only here, for the embedded database: a server on PostgreSQL never needs it
  // (with ioredis, left unloaded without Redis, about 14 MB of a server's memory). Required, not
  // imported: a dynamic import() would load the ES modules, whose types are not the CommonJS ones
  // the rest of the build uses. Its pg_trgm, for name search's index, is a package subpath with
  // ES-module types only, so it is typed by hand.
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const { drizzle: drizzlePglite } = require('drizzle-orm/pglite') as typeof import('drizzle-orm/pglite');
  const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
  const client = await PGlite.create(options.dataDir, { extensions: { pg_trgm } }).catch((error: unknown) => {
    release();
    throw error;
  });
  const db = drizzlePglite(client, { schema, logger: counter });
  return {
    db,
    engine: 'pglite',
    statementCount: () => counter.count,
    watchStatements: (watcher) => counter.watch(watcher),
    readText: async (statement) => {
      counter.logQuery(statement.sql, statement.params);
      const result = await client.query<{ data: string }>(statement.sql, statement.params);
      return result.rows[0]!.data;
    },
    executeSql: async (text, values = []) => {
      if (values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    readLines: async (statement, options, write) => {
      counter.logQuery(statement.sql, statement.params);
      return client.transaction(async (tx) => {
        await tx.query('set transaction read only');
        return readThroughCursor(
          async (text, params) =>
            (await tx.query<Record<string, string>>(text, params)).rows.map((row) => Object.values(row)[0]!),
          statement,
          options,
          write,
        );
      });
    },
    ping: async () => void (await client.query('select 1')),
    close: async () => {
      await client.close();
      release();
    },
    usage: () => null,
  };
}

/** Runs a raw statement and returns its rows, whichever driver answers. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
