import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

/** The one query interface every store uses, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly engine: 'postgres' | 'pglite';
  /** SQL statements sent since the database was opened; tests read it to prove batching. */
  readonly statementCount: () => number;
  readonly ping: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export interface DatabaseOptions {
  /** a PostgreSQL server; without it, the embedded PGlite in dataDir */
  url?: string;
  /** PGlite's folder; `memory://` keeps it in memory */
  dataDir: string;
  poolMax?: number;
  /** server-side statement_timeout, milliseconds */
  statementTimeoutMs?: number;
}

class StatementCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const counter = new StatementCounter();
  if (options.url) {
    const client = postgres(options.url, {
      max: options.poolMax ?? 10,
      onnotice: () => {},
      connection: {
        application_name: 'gongyi-graph',
        ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      },
    });
    const db = drizzlePostgres(client, { schema, logger: counter });
    return {
      db,
      engine: 'postgres',
      statementCount: () => counter.count,
      ping: async () => void (await client`select 1`),
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir);
  const db = drizzlePglite(client, { schema, logger: counter });
  return {
    db,
    engine: 'pglite',
    statementCount: () => counter.count,
    ping: async () => void (await client.query('select 1')),
    close: () => client.close(),
  };
}

/** Runs a raw statement and returns its rows, whichever driver answers. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
