import { sql } from 'drizzle-orm';
import { openDatabase, rows, type Database } from '../../src/db/client';
import { PreparedStatementPolicy } from '../../src/db/prepared-statements';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { describeOnServer } from '../support/needs-server';

describe('PreparedStatementPolicy', () => {
  /** Whether each of `texts`, run in turn, is prepared. */
  const runs = (policy: PreparedStatementPolicy, texts: string[]) => texts.map((text) => policy.shouldPrepare(text));

  it('prepares a text once it is hot, from its twentieth run in a minute, and no more texts than its capacity', () => {
    const policy = new PreparedStatementPolicy(2, 60_000);
    expect(runs(policy, Array(21).fill('a'))).toEqual([...Array(19).fill(false), true, true]);
    expect(runs(policy, Array(20).fill('b'))).toEqual([...Array(19).fill(false), true]);
    expect(runs(policy, Array(25).fill('c'))).toEqual(Array(25).fill(false));
    expect(policy.size).toBe(2);
    policy.close();
  });

  it('never prepares texts each run now and then, however many', () => {
    const policy = new PreparedStatementPolicy(100, 60_000);
    const texts = Array.from({ length: 1_000 }, (_, n) => `select ${n}`);
    expect(runs(policy, Array(19).fill(texts).flat()).some(Boolean)).toBe(false);
    policy.close();
  });

  it('admits new texts once its period has passed', async () => {
    const policy = new PreparedStatementPolicy(1, 50);
    runs(policy, Array(20).fill('a'));
    expect(runs(policy, Array(20).fill('b'))).toEqual(Array(20).fill(false));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(policy.shouldPrepare('b')).toBe(true);
    policy.close();
  });
});

describeOnServer('prepared statements on a pooled connection', 'needs a server connection to count them', () => {
  let t: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: false });
    database = await openDatabase({ url: t.url, dataDir: '', poolMax: 1, preparedStatements: 10 });
  });
  afterAll(async () => {
    await database?.close();
    await t?.drop();
  });

  it('stay within the capacity however many distinct texts a client sends', async () => {
    for (let run = 0; run < 21; run += 1) {
      for (let n = 0; n < 200; n += 1) await rows(database.db, sql.raw(`select ${n} as n`));
    }
    const [counted] = await rows<{ prepared: number }>(
      database.db,
      sql`select count(*)::int as prepared from pg_prepared_statements`,
    );
    expect(counted!.prepared).toBeGreaterThan(0);
    expect(counted!.prepared).toBeLessThanOrEqual(10);
  });
});
