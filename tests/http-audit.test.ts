import { serverAudits } from 'graphql-http';
import { startTestServer, type TestServer } from './support/server';

describe('the GraphQL-over-HTTP audit (graphql-http)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false });
  });
  afterAll(() => t.close());

  it('finds no errors; its warnings and notices are the choices documented here', async () => {
    const results = await Promise.all(serverAudits({ url: `${t.origin}/graphql` }).map((audit) => audit.fn()));
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}`)).toEqual([]);
    // Apollo answers parse, validation and variable errors with 400 under application/json
    // (the spec prefers 200), and GETs without a preflight header are refused as possible CSRF.
    expect(
      results
        .filter((r) => r.status === 'warn')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['572B', '7B9B', 'FDE2']);
  });
});
