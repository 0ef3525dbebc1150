import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { loadDemo } from '../../src/db/seed/demo';
import { SMALL, type SyntheticOptions } from '../../src/db/seed/synthetic';

export interface TestDatabase {
  database: Database;
  /** the server URL of this test's own database; undefined on the embedded engine */
  url: string | undefined;
  drop: () => Promise<void>;
}

/**
 * A database of this test's own, migrated and holding the demo data: a fresh database on the
 * server at DATABASE_URL when one is given (so runs never collide), else an in-memory PGlite.
 */
export interface TestDatabaseOptions {
  seed?: SyntheticOptions | false;
  poolMax?: number;
  queryTimeoutMs?: number;
}

/** An empty database of this test's own on the server at `serverUrl`: its URL, and how to drop it. */
export async function createEmptyDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gongyi_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return {
    url: parsed.toString(),
    drop: async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) ({ url, drop: dropDatabase } = await createEmptyDatabase(serverUrl));
  const database = await openDatabase({
    url,
    dataDir: 'memory://',
    poolMax: options.poolMax ?? 4,
    queryTimeoutMs: options.queryTimeoutMs,
  });
  await migrate(database);
  if (options.seed !== false) await loadDemo(database, options.seed ?? SMALL);
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await dropDatabase();
    },
  };
}
