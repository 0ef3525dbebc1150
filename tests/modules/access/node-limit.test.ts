import { buildSchema, getNamedType, getNullableType, isCompositeType, isListType, isObjectType } from 'graphql';
import { FIELD_COSTS } from '../../../src/modules/access/field-costs';
import { toGlobalId } from '../../../src/modules/node/global-id';
import { loadTypeDefs } from '../../../src/schema';
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

/** Organizations by ID, each with its projects and their donations. */
const BY_IDS = /* GraphQL */ `
  query ByIds($ids: [ID!]!, $p: Int, $d: Int) {
    nodes(ids: $ids) {
      ... on Organization {
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

/** `count` aliases of one field's selection. */
const aliased = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

const STATS = 'donationStats(groupBy: PURPOSE, first: 100) { key total { value } }';
const SCHEMA = '__schema { types { name fields { name } } }';

const hundredIds = Array.from({ length: 100 }, (_, i) =>
  toGlobalId('Organization', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
);

describe('the node limit (50,000 per request, GitHub’s rule)', () => {
  let t: TestServer;
  beforeAll(async () => {
    // every request here is anonymous from one address: a budget that does not run out
    t = await startTestServer({
      seed: false,
      access: { tierBudgets: { ANONYMOUS: 1_000_000, DEVELOPER: 1, PARTNER: 1, INTERNAL: 1 } },
    });
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

  it('counts each request by its own variables when the same document comes again (counts are kept per values)', async () => {
    const sizes = [
      [{ o: 100, p: 99, d: 4 }, 200],
      [{ o: 100, p: 100, d: 5 }, 400],
      [{ o: 100, p: 99, d: 4 }, 200],
      [{ o: 100, p: 100, d: 5 }, 400],
    ] as const;
    const statuses = [];
    for (const [variables] of sizes) statuses.push((await post(NESTED, variables)).status);
    expect(statuses).toEqual(sizes.map(([, status]) => status));
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

  it('counts nodes(ids:) as one node per ID, multiplying everything selected under it', async () => {
    // 100 IDs + 100 × 100 projects + 100 × 100 × 100 donations
    const refused = await post(BY_IDS, { ids: hundredIds, p: 100, d: 100 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', nodes: 1_010_100, limit: 50_000 });
    // 100 IDs + 100 × 10 projects = 1,100 nodes: 11 points
    const served = await post(BY_IDS, { ids: hundredIds, p: 10, d: 0 });
    expect(served.body.extensions.cost.requested).toBe(11);
  });

  it('weighs an aggregate by its scan and counts its groups, alias by alias', async () => {
    // the scan's 5,000 nodes + 100 groups = 5,100 nodes: 51 points
    expect((await post(aliased(1, STATS))).body.extensions.cost.requested).toBe(51);
    expect((await post(aliased(9, STATS))).body.extensions.cost.requested).toBe(9 * 51);
    const thirty = await post(aliased(30, STATS));
    expect(thirty.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', nodes: 153_000, limit: 50_000 });
    // all the donors' groups: 5,000 + 10,000
    const donors = await post('{ donationStats(groupBy: DONOR) { key } }');
    expect(donors.body.extensions.cost.requested).toBe(150);
    const summaries = await post('{ donationSummary { donationCount } trainingProgress { sessionCount } }');
    expect(summaries.body.extensions.cost.requested).toBe(52); // 5,000 + 200
    // a summary per organization: 100 + 100 × 5
    const perOrganization = await post('{ organizations(first: 100) { nodes { donationSummary { donationCount } } } }');
    expect(perOrganization.body.extensions.cost.requested).toBe(6);
  });

  it('weighs introspection, alias by alias', async () => {
    expect((await post(aliased(1, SCHEMA))).body.extensions.cost.requested).toBe(2);
    expect((await post(aliased(30, SCHEMA))).body.extensions.cost.requested).toBe(60);
    expect((await post(aliased(30, '__type(name: "Organization") { name }'))).body.extensions.cost.requested).toBe(3);
  });
});

describe('FIELD_COSTS', () => {
  const schema = buildSchema(loadTypeDefs());

  it('sizes every list of objects that is not a page (a connection’s, or one marked `page`)', () => {
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        const list = isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type));
        const cost = FIELD_COSTS[coordinate];
        if (list && !cost?.listSize && !cost?.page) unsized.push(coordinate);
      }
    }
    expect(unsized).toEqual([]);
  });

  it('names only fields the schema has', () => {
    const missing = Object.keys(FIELD_COSTS).filter((coordinate) => {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const type = schema.getType(typeName);
      return fieldName.startsWith('__') ? typeName !== 'Query' : !(isObjectType(type) && type.getFields()[fieldName]);
    });
    expect(missing).toEqual([]);
  });
});
