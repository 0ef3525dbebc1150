import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../support/server';

const ORGANIZATIONS = /* GraphQL */ `
  query {
    organizations(first: 1) {
      nodes {
        name
      }
    }
  }
`;

describe('internal errors are masked', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false });
  });
  afterAll(() => t.close());

  it('a database failure reaches the client as a generic message with an error id, and no SQL or stack', async () => {
    await t.database.db.execute(sql`alter table organizations rename to organizations_gone`);
    try {
      const { status, body } = await t.query(ORGANIZATIONS);
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      const [error] = body.errors!;
      expect(error!.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(error!.message).toBe(`Internal server error (error id ${error!.extensions!['errorId']})`);
      expect(JSON.stringify(body)).not.toMatch(/organizations_gone|relation|select|stack|at /i);
    } finally {
      await t.database.db.execute(sql`alter table organizations_gone rename to organizations`);
    }
  });
});
