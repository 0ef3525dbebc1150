/** The run's own PostgreSQL database: created, migrated and seeded at the start, dropped at the end. */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { loadDemo } from '../src/db/seed/demo';
import { SMALL } from '../src/db/seed/synthetic';
import { createKey } from '../src/modules/access/keys';
import { isUserError } from '../src/modules/mutations/user-error';

export interface ChaosDatabase {
  name: string;
  url: string;
  /** one connection to the chaos database for the harness's own statements (locks, kills, look-ups) */
  sql: postgres.Sql;
  /** an INTERNAL key that may manage keys: `Bearer <secret>` */
  authorization: string;
  drop: () => Promise<void>;
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates `gongyi_chaos_<random>` on the server at `adminUrl`, with migrations and the demo dataset. */
export async function createChaosDatabase(adminUrl: string, log: (line: string) => void): Promise<ChaosDatabase> {
  const name = `gongyi_chaos_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(adminUrl, name);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  let sql: postgres.Sql | null = null;
  const drop = async () => {
    await sql?.end({ timeout: 1 }).catch(() => {});
    sql = null;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 1 });
  };
  try {
    const started = Date.now();
    const database = await openDatabase({ url, dataDir: '', poolMax: 4 });
    let authorization: string;
    try {
      await migrate(database);
      await loadDemo(database, SMALL);
      const key = await createKey(database.db, { name: 'chaos', tier: 'INTERNAL' });
      if (isUserError(key)) throw new Error(`the chaos key was refused: ${key.message}`);
      authorization = `Bearer ${key.secret}`;
    } finally {
      await database.close();
    }
    sql = postgres(url, { max: 4, onnotice: () => {}, connection: { application_name: 'gongyi-chaos' } });
    await sql.unsafe('analyze');
    log(`database ${name}: migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { name, url, sql, authorization, drop };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}
