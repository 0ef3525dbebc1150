import { startTestServer, type TestServer } from '../../support/server';

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $last: Int, $before: String, $orderBy: OrganizationOrder) {
    organizations(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

describe('cursor paging of organizations', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  async function walk(orderBy: object, backward = false): Promise<{ ids: string[]; total: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    for (let page = 0; page < 100; page += 1) {
      const variables: Record<string, unknown> = backward
        ? { last: 100, before: cursor, orderBy }
        : { first: 100, after: cursor, orderBy };
      const { body }: { body: any } = await t.query(PAGE, variables);
      expect(body.errors).toBeUndefined();
      const c: any = body.data.organizations;
      total = c.totalCount;
      const pageIds = c.edges.map((e: any) => e.node.id);
      ids.push(...(backward ? pageIds.reverse() : pageIds));
      const more = backward ? c.pageInfo.hasPreviousPage : c.pageInfo.hasNextPage;
      if (!more) return { ids, total };
      cursor = backward ? c.pageInfo.startCursor : c.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  it.each([
    [{ field: 'NAME' }],
    [{ field: 'NAME', direction: 'DESC' }],
    [{ field: 'FOUNDED_ON' }],
    [{ field: 'CREATED_AT', direction: 'DESC' }],
  ])('visits every organization exactly once, 100 at a time, ordered by %j', async (orderBy) => {
    const { ids, total } = await walk(orderBy);
    expect(total).toBeGreaterThan(200);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('pages backward with last/before over the same items in the same order', async () => {
    const forward = await walk({ field: 'NAME' });
    const backward = await walk({ field: 'NAME' }, true);
    expect(backward.ids.reverse()).toEqual(forward.ids);
  });
});
