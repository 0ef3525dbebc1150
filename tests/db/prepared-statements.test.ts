import { sql } from 'drizzle-orm';
import { openDatabase, rows, type Database } from '../../src/db/client';
import { PreparedStatementPolicy } from '../../src/db/prepared-statements';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { describeOnServer } from '../support/needs-server';

describe('PreparedStatementPolicy', () => {
  it('prepares a text from its second run, and no more texts than its capacity', () => {
    const policy = new PreparedStatementPolicy(2, 60_000);
    expect(['a', 'a', 'a'].map((text) => policy.shouldPrepare(text))).toEqual([false, true, true]);
    expect(['b', 'b', 'c', 'c', 'c'].map((text) => policy.shouldPrepare(text))).toEqual([
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(policy.size).toBe(2);
    policy.close();
  });

  it('admits new texts once its period has passed', async () => {
    const policy = new PreparedStatementPolicy(1, 50);
    policy.shouldPrepare('a');
    policy.shouldPrepare('a');
    policy.shouldPrepare('b');
    expect(policy.shouldPrepare('b')).toBe(false);
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
    for (let run = 0; run < 3; run += 1) {
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
