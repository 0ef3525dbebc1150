import { sql } from 'drizzle-orm';
import { createTestKey } from '../support/keys';
import { describeOnServer } from '../support/needs-server';
import { startTestServer, type TestServer } from '../support/server';

const SLOW = /* GraphQL */ `
  query Slow {
    organizations(filter: { search: "x" }) {
      totalCount
    }
  }
`;
const QUICK = /* GraphQL */ `
  query Quick {
    governanceIndicators {
      code
    }
  }
`;

describeOnServer('a query waiting for a pooled connection', 'PGlite has no pool to wait on', () => {
  let t: TestServer;
  beforeAll(async () => {
    // no job workers: their polling would take turns on the one connection
    t = await startTestServer({ seed: false, poolMax: 1, queryTimeoutMs: 400, jobs: { work: false } });
  });
  afterAll(() => t.close());

  it('fails with SERVICE_UNAVAILABLE at its deadline instead of waiting forever, and the pool recovers', async () => {
    // the pool's one connection, held 0.6 s by a transaction (each statement within the 0.4 s timeout)
    const hold = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_sleep(0.3)`);
      await tx.execute(sql`select pg_sleep(0.3)`);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const { body } = await t.query(QUICK);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', errorId: expect.any(String) });
    expect(body.errors?.[0]?.message).toMatch(/temporarily unavailable/);
    await hold;
    expect((await t.query(SLOW)).body).toEqual({ data: { organizations: { totalCount: 0 } } });
  });

  it('answers SERVICE_UNAVAILABLE when the API key cannot be looked up in time', async () => {
    const key = await createTestKey(t.database.db);
    const hold = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_sleep(0.3)`);
      await tx.execute(sql`select pg_sleep(0.3)`);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { body } = await t.query(QUICK, {}, key.headers);
    expect(body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^The service is temporarily unavailable; try again shortly\. \(error id /),
          extensions: { code: 'SERVICE_UNAVAILABLE', errorId: expect.any(String) },
        },
      ],
    });
    await hold;
  });
});
