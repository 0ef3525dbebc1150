import { DEFAULT_TIER_BUDGETS } from '../../../src/modules/access/tiers';
import { startTestServer, type TestServer } from '../../support/server';

const THREE_LEVELS = /* GraphQL */ `
  query ThreeLevels($first: Int!) {
    organizations(first: $first, filter: { provenance: [SYNTHETIC] }) {
      totalCount
      nodes {
        name
        region {
          name
          parent {
            name
          }
        }
        provenance {
          kind
          source {
            title
          }
        }
        projects(first: $first) {
          totalCount
          nodes {
            name
            organization {
              name
            }
            donations(first: $first) {
              totalCount
              nodes {
                total {
                  value
                }
                donor {
                  name
                }
                disbursements {
                  amount {
                    value
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

describe('batching', () => {
  let t: TestServer;
  beforeAll(async () => {
    // first: 50 at three levels, with up to 5 disbursements a donation, asks for 752,550 nodes
    // (7,526 points), past the default limits
    t = await startTestServer({
      queryLimits: { maxNodes: 1_000_000 },
      access: { tierBudgets: { ...DEFAULT_TIER_BUDGETS, ANONYMOUS: 100_000 } },
    });
  });
  afterAll(() => t.close());

  async function statementsFor(first: number): Promise<{ statements: number; donations: number }> {
    const before = t.statements();
    const { body } = await t.query(THREE_LEVELS, { first });
    expect(body.errors).toBeUndefined();
    const donations = body.data.organizations.nodes
      .flatMap((o: any) => o.projects.nodes)
      .reduce((n: number, p: any) => n + p.donations.nodes.length, 0);
    return { statements: t.statements() - before, donations };
  }

  it('sends as many SQL statements at first: 5 as at first: 50 for organizations → projects → donations', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(large.donations).toBeGreaterThan(small.donations * 3);
    expect(large.statements).toBe(small.statements);
    // on resolvers: a page and a count per level, organizations (of projects, then of donors) and
    // disbursements, and no source statement (synthetic records cite none); compiled: one statement,
    // and the disbursements it hands to their loader
    expect(small.statements).toBe(process.env['COMPILED_READS'] === 'false' ? 9 : 2);
  });
});
