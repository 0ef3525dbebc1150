import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

/**
 * An empty database of this test's own on the server at `serverUrl` (a copy of `template` when
 * given): its URL, and how to drop it.
 */
export async function createEmptyDatabase(
  serverUrl: string,
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gongyi_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  return {
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  const seed = options.seed === false ? false : (options.seed ?? SMALL);
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl)
    ({ url, drop: dropDatabase } = await withTemplate(serverUrl, seed, (template) =>
      createEmptyDatabase(serverUrl, template),
    ));
  const database = await openDatabase({
    url,
    dataDir: 'memory://',
    poolMax: options.poolMax ?? 4,
    queryTimeoutMs: options.queryTimeoutMs,
  });
  // a copy of the template is migrated and seeded already
  if (!serverUrl) await prepare(database, seed);
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await dropDatabase();
    },
  };
}

/** Migrates `database` and loads the demo data of `seed` into it (none when false). */
async function prepare(database: Database, seed: SyntheticOptions | false): Promise<void> {
  await migrate(database);
  if (seed !== false) await loadDemo(database, seed);
}

function databaseUrl(serverUrl: string, name: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** What migrating and seeding read: the sources and the migrations, as one hash. */
let sourcesHash: string | undefined;
function hashSources(): string {
  if (sourcesHash) return sourcesHash;
  const root = path.join(__dirname, '..', '..');
  const hash = createHash('sha256');
  for (const folder of ['src', 'migrations']) {
    const files = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files)
      hash
        .update(`${path.relative(root, file)}\0`)
        .update(readFileSync(file))
        .update('\0');
  }
  return (sourcesHash = hash.digest('hex'));
}

/** Templates are named by this prefix and a hash of the sources and the seed's options. */
const TEMPLATE_PREFIX = 'gongyi_template_';

/**
 * Runs `copy` with the name of a database on the server, migrated and holding the demo data of
 * `seed`, to copy test databases from (`create database … template`, a fraction of a second where
 * migrating and seeding take seconds). The first test process to need it makes it. Each template
 * has an advisory lock, held while it is made, copied or dropped: a copy needs its template
 * unused, and present. Named by a hash of src/, migrations/ and `seed`, so any change to them makes
 * a new one; templates made over an hour ago are dropped then (a busy tree makes several an hour).
 */
async function withTemplate<T>(
  serverUrl: string,
  seed: SyntheticOptions | false,
  copy: (template: string) => Promise<T>,
): Promise<T> {
  const key = createHash('sha256').update(hashSources()).update(JSON.stringify(seed)).digest('hex');
  const name = `${TEMPLATE_PREFIX}${key.slice(0, 24)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(hashtext(${name}))`;
    const [made] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!made) {
      // made under another name and renamed once complete: a process that died half way leaves no template
      const making = `${name}_making`;
      await admin.unsafe(`drop database if exists ${making} with (force)`);
      await admin.unsafe(`create database ${making}`);
      const database = await openDatabase({ url: databaseUrl(serverUrl, making), dataDir: '', poolMax: 4 });
      try {
        await prepare(database, seed);
      } finally {
        await database.close();
      }
      await admin.unsafe(`alter database ${making} rename to ${name}`);
      await dropOldTemplates(admin).catch(() => {});
    }
    return await copy(name);
  } finally {
    await admin.end();
  }
}

/** Drops the templates made over an hour ago (of sources since changed, mostly) that no one is copying. */
async function dropOldTemplates(admin: postgres.Sql): Promise<void> {
  // the age of a database is its folder's (pg_stat_file needs a superuser: without one, none is dropped)
  const old = await admin<Array<{ name: string }>>`
    select datname as name from pg_database
     where datname like ${`${TEMPLATE_PREFIX}%`}
       and (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '1 hour'`;
  for (const { name } of old) {
    const [{ free }] = await admin<[{ free: boolean }]>`select pg_try_advisory_lock(hashtext(${name})) as free`;
    if (!free) continue;
    await admin.unsafe(`drop database if exists ${name}`).catch(() => {});
    await admin`select pg_advisory_unlock(hashtext(${name}))`;
  }
}
