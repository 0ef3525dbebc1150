import { startTestServer, type TestServer } from '../../support/server';

const NESTED = /* GraphQL */ `
  query Nested($o: Int, $p: Int, $d: Int) {
    organizations(first: $o) {
      nodes {
        projects(first: $p) {
          nodes {
            donations(first: $d) {
              totalCount
            }
          }
        }
      }
    }
  }
`;

describe('the node limit (50,000 per request, GitHub’s rule)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false });
  });
  afterAll(() => t.close());

  async function post(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${t.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('multiplies page sizes given through variables down the tree', async () => {
    // 100 + 100 × 100 + 100 × 100 × 5 = 60,100
    const { status, body } = await post(NESTED, { o: 100, p: 100, d: 5 });
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', nodes: 60_100, limit: 50_000 });
  });

  it('counts a variable’s default value when the request leaves it out', async () => {
    const defaults = NESTED.replace('$o: Int, $p: Int, $d: Int', '$o: Int = 100, $p: Int = 100, $d: Int = 100');
    const { status, body } = await post(defaults, {});
    expect(status).toBe(400);
    // 100 + 100 × 100 + 100 × 100 × 100
    expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', nodes: 1_010_100, limit: 50_000 });
  });

  it('accepts the same tree just under the limit', async () => {
    // 100 + 100 × 99 + 100 × 99 × 4 = 49,600
    const { status, body } = await post(NESTED, { o: 100, p: 99, d: 4 });
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  });

  it('counts the default page size (20) where first and last are left out, and every alias', async () => {
    const aliased = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: organizations(first: 100) { nodes { projects(first: 50) { totalCount } } }`).join(' ')} }`;
    const { body } = await post(aliased);
    expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', nodes: 51_000, limit: 50_000 });
    const defaults = await post('{ organizations { nodes { projects { nodes { donations { totalCount } } } } } }');
    expect(defaults.body.errors).toBeUndefined();
  });

  it('follows fragments', async () => {
    const query = `query { organizations(first: 100) { ...P } }
      fragment P on OrganizationConnection { nodes { projects(first: 100) { ...D } } }
      fragment D on ProjectConnection { nodes { donations(first: 5) { totalCount } } }`;
    const { body } = await post(query);
    expect(body.errors[0].extensions.nodes).toBe(60_100);
  });
});
