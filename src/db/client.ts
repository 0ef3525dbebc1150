import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { claimDataDir } from './embedded-lock';
import * as schema from './schema';

/** The one query interface every store uses, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly engine: 'postgres' | 'pglite';
  /** SQL statements sent since the database was opened; tests read it to prove batching. */
  readonly statementCount: () => number;
  /**
   * Calls `watcher` with the text of every statement sent until the returned function is called;
   * tests read it to prove what a statement selects.
   */
  readonly watchStatements: (watcher: (query: string) => void) => () => void;
  /**
   * Runs a statement rendered ahead of time that answers one row with one text column, `data`,
   * and returns that text; for statements built outside Drizzle's query builder.
   */
  readonly readText: (statement: RenderedStatement) => Promise<string>;
  readonly ping: () => Promise<void>;
  readonly close: () => Promise<void>;
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
  poolMax?: number;
  /**
   * A query that has not answered in this many milliseconds, waiting for a pooled connection
   * included, is cancelled and fails with QUERY_DEADLINE; the server's statement_timeout too.
   */
  queryTimeoutMs?: number;
}

/** The deadline when none is configured: ten seconds. */
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/** A query ran out of time, most often waiting for a free connection; the client may retry. */
export class QueryDeadlineError extends Error {
  readonly code = 'QUERY_DEADLINE';
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
  }
}

/**
 * How every query through Drizzle runs on postgres.js:
 * - prepared: Drizzle prepares only named queries, but our statement texts are stable (lists
 *   are bound as one array parameter), so each is parsed and planned once per connection;
 * - with a deadline: postgres.js queues a query for as long as every pooled connection is busy
 *   (it has no acquire timeout), so a query still unanswered after `ms` is cancelled and fails.
 * Queries inside a transaction run on its reserved connection and are not wrapped.
 */
function preparedWithDeadline(client: postgres.Sql, ms: number): postgres.Sql {
  const unsafe = client.unsafe.bind(client);
  client.unsafe = ((query: string, params?: never[], options?: postgres.UnsafeQueryOptions) => {
    const pending = unsafe(query, params, { ...options, prepare: true });
    const then = pending.then.bind(pending);
    pending.then = ((onFulfilled, onRejected) => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          pending.cancel();
          reject(new QueryDeadlineError(ms));
        }, ms);
      });
      return Promise.race([new Promise<Awaited<typeof pending>>((resolve, reject) => then(resolve, reject)), deadline])
        .finally(() => clearTimeout(timer))
        .then(onFulfilled, onRejected);
    }) as typeof pending.then;
    return pending;
  }) as typeof client.unsafe;
  return client;
}

class StatementCounter implements Logger {
  count = 0;
  private readonly watchers = new Set<(query: string) => void>();
  logQuery(query: string): void {
    this.count += 1;
    for (const watcher of this.watchers) watcher(query);
  }
  watch(watcher: (query: string) => void): () => void {
    this.watchers.add(watcher);
    return () => void this.watchers.delete(watcher);
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const counter = new StatementCounter();
  if (options.url) {
    const pool = postgres(options.url, {
      max: options.poolMax ?? 10,
      onnotice: () => {},
      connection: {
        application_name: 'gongyi-graph',
        statement_timeout: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
      },
    });
    const client = preparedWithDeadline(pool, options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS);
    const db = drizzlePostgres(client, { schema, logger: counter });
    return {
      db,
      engine: 'postgres',
      statementCount: () => counter.count,
      watchStatements: (watcher) => counter.watch(watcher),
      readText: async (statement) => {
        counter.logQuery(statement.sql);
        const [row] = await client.unsafe<Array<{ data: string }>>(statement.sql, statement.params as never[]);
        return row!.data;
      },
      ping: async () => void (await client.unsafe('select 1')),
      close: () => client.end({ timeout: 5 }),
    };
  }
  let release = () => {};
  if (!options.dataDir.startsWith('memory://')) {
    mkdirSync(options.dataDir, { recursive: true });
    release = claimDataDir(options.dataDir);
  }
  const client = await PGlite.create(options.dataDir).catch((error: unknown) => {
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
      counter.logQuery(statement.sql);
      const result = await client.query<{ data: string }>(statement.sql, statement.params);
      return result.rows[0]!.data;
    },
    ping: async () => void (await client.query('select 1')),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** Runs a raw statement and returns its rows, whichever driver answers. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
