import { toGlobalId } from '../../../src/modules/node/global-id';
import { startTestServer, type TestServer } from '../../support/server';

const BY_CREDIT_CODE = /* GraphQL */ `
  query ByCreditCode($code: String!) {
    organization(creditCode: $code) {
      name
    }
  }
`;
const BY_REGION = /* GraphQL */ `
  query ByRegion($region: String!) {
    organizations(filter: { regionCode: $region }) {
      totalCount
    }
  }
`;
const PAGE_SIZE = /* GraphQL */ `
  query PageSize($first: Int, $last: Int) {
    projects(first: $first, last: $last) {
      totalCount
    }
  }
`;
const LITERAL_PAGE_SIZE = /* GraphQL */ `
  query {
    donations(first: 101) {
      totalCount
    }
  }
`;
const DATE_RANGE = /* GraphQL */ `
  query DateRange($from: Date, $to: Date) {
    donationSummary(filter: { dateFrom: $from, dateTo: $to }) {
      donationCount
    }
  }
`;
const PROJECT_BY_ID = /* GraphQL */ `
  query ProjectById($id: ID!) {
    project(id: $id) {
      name
    }
  }
`;
const NODE = /* GraphQL */ `
  query Node($id: ID!) {
    node(id: $id) {
      id
    }
  }
`;
const CURSOR = /* GraphQL */ `
  query Cursor($after: String) {
    organizations(after: $after) {
      totalCount
    }
  }
`;
const ORDERED_PAGE = /* GraphQL */ `
  query OrderedPage($orderBy: OrganizationOrder, $after: String) {
    organizations(first: 2, orderBy: $orderBy, after: $after) {
      pageInfo {
        endCursor
      }
    }
  }
`;
const MIN_TOTAL = /* GraphQL */ `
  query MinTotal($min: Decimal) {
    donations(filter: { minTotal: $min }) {
      totalCount
    }
  }
`;

function expectBadInput(body: any, argument: string, message: RegExp): void {
  expect(body.data?.[Object.keys(body.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
  expect(body.errors[0].message).toMatch(message);
}

describe('bad input is answered BAD_USER_INPUT naming the argument', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('a credit code with a wrong check character', async () => {
    const { body } = await t.query(BY_CREDIT_CODE, { code: '91350100M000100Y42' });
    expectBadInput(body, 'creditCode', /check character should be 3, got 2/);
  });

  it('a credit code of the wrong length or alphabet', async () => {
    expectBadInput((await t.query(BY_CREDIT_CODE, { code: '9135' })).body, 'creditCode', /18 characters/);
    expectBadInput(
      (await t.query(BY_CREDIT_CODE, { code: '91350100M000100YO3' })).body,
      'creditCode',
      /other than I, O, S, V and Z/,
    );
  });

  it('a well-formed credit code that nobody has gives null', async () => {
    const { body } = await t.query(BY_CREDIT_CODE, { code: '91350100M000100Y43' });
    expect(body).toEqual({ data: { organization: null } });
  });

  it('a malformed or unknown region code', async () => {
    expectBadInput((await t.query(BY_REGION, { region: '11' })).body, 'filter.regionCode', /six-digit/);
    expectBadInput(
      (await t.query(BY_REGION, { region: '990000' })).body,
      'filter.regionCode',
      /not a known GB\/T 2260 region/,
    );
  });

  it('first or last outside 1–100, through variables and in the document', async () => {
    expectBadInput((await t.query(PAGE_SIZE, { first: 0 })).body, 'first', /between 1 and 100, got 0/);
    expectBadInput((await t.query(PAGE_SIZE, { first: 101 })).body, 'first', /got 101/);
    expectBadInput((await t.query(PAGE_SIZE, { last: -1 })).body, 'last', /got -1/);
    expectBadInput((await t.query(LITERAL_PAGE_SIZE)).body, 'first', /got 101/);
  });

  it('an inverted date range', async () => {
    const { body } = await t.query(DATE_RANGE, { from: '2021-01-01', to: '2020-12-31' });
    expectBadInput(body, 'filter.dateTo', /must not be before the start of the range \(2021-01-01\)/);
  });

  it('an ID of another type', async () => {
    const { body } = await t.query(PROJECT_BY_ID, {
      id: toGlobalId('Donation', '00000000-0000-4000-8000-000000000000'),
    });
    expectBadInput(body, 'id', /ID of a Donation, not of a Project/);
  });

  it('an ID that is not one of ours', async () => {
    expectBadInput((await t.query(NODE, { id: 'not-an-id' })).body, 'id', /not a valid ID/);
  });

  it('an unknown ID gives null', async () => {
    const id = toGlobalId('Project', '00000000-0000-4000-8000-000000000000');
    expect((await t.query(PROJECT_BY_ID, { id })).body).toEqual({ data: { project: null } });
    expect((await t.query(NODE, { id })).body).toEqual({ data: { node: null } });
  });

  it('a cursor this API did not issue', async () => {
    expectBadInput((await t.query(CURSOR, { after: 'bm9wZQ' })).body, 'after', /not a cursor issued by this API/);
  });

  it('a cursor of another order', async () => {
    const byName = await t.query(ORDERED_PAGE, { orderBy: { field: 'NAME' } });
    const cursor = byName.body.data.organizations.pageInfo.endCursor;
    const { body } = await t.query(ORDERED_PAGE, { orderBy: { field: 'FOUNDED_ON' }, after: cursor });
    expectBadInput(body, 'after', /cursor of another list or order/);
  });

  it('a Decimal given as a float is refused before anything runs', async () => {
    const { body } = await t.query(MIN_TOTAL, { min: 1000.5 });
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/Decimal must be a string/),
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
  });
});
