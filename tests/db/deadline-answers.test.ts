import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, QueryDeadlineError, rows, type Database } from '../../src/db/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { describeOnServer } from '../support/needs-server';

/** How many queries the test sends; each names its own number, so a swapped answer shows. */
const QUERIES = 3_000;

describeOnServer('queries past their deadline while tables are locked', 'needs a pool and a lockable table', () => {
  let t: TestDatabase;
  let admin: postgres.Sql;
  let hurried: Database;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: false });
    hurried = await openDatabase({ url: t.url, dataDir: '', poolMax: 2, queryTimeoutMs: 60 });
    admin = postgres(t.url!, { max: 1, onnotice: () => {} });
    await admin`create table deadline_probe (x int)`;
    await admin`insert into deadline_probe values (1)`;
  });
  afterAll(async () => {
    await admin?.end();
    await hurried?.close();
    await t?.drop();
  });

  it('answers each query with its own rows or QUERY_DEADLINE, never with another query’s rows', async () => {
    let locking = true;
    const locks = (async () => {
      while (locking) {
        await admin.begin(async (tx) => {
          await tx`lock table deadline_probe in access exclusive mode`;
          await tx`select pg_sleep(${0.05 + Math.random() * 0.1})`;
        });
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
      }
    })();
    const outcomes = { own: 0, deadline: 0, other: 0, wrong: [] as string[] };
    const one = async (n: number) => {
      // every third query waits on the locked table; the rest queue behind them on the pool
      const statement =
        n % 3 === 0 ? sql`select ${n}::int + 0 * count(*)::int as n from deadline_probe` : sql`select ${n}::int as n`;
      try {
        const [row] = await rows<{ n: number }>(hurried.db, statement);
        if (row?.n === n) outcomes.own += 1;
        else outcomes.wrong.push(`query ${n} answered ${JSON.stringify(row)}`);
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause ?? error;
        if (cause instanceof QueryDeadlineError) outcomes.deadline += 1;
        else if ((cause as { code?: string }).code === '57014') outcomes.deadline += 1;
        else outcomes.other += 1;
      }
    };
    for (let start = 0; start < QUERIES; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => one(start + i)));
    }
    locking = false;
    await locks;
    expect(outcomes.wrong).toEqual([]);
    expect(outcomes.other).toBe(0);
    // the test means something only if deadlines were hit and queries answered
    expect(outcomes.deadline).toBeGreaterThan(QUERIES / 100);
    expect(outcomes.own).toBeGreaterThan(QUERIES / 10);
  });
});
