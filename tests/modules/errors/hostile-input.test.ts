import { encodeCursor } from '../../../src/modules/pagination/cursor';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createTestKey, type TestKey } from '../../support/keys';
import { serveTestDatabase, type GraphQLResponse, type TestServer } from '../../support/server';

const SEARCH = /* GraphQL */ `
  query Search($filter: OrganizationFilter) {
    organizations(filter: $filter) {
      totalCount
    }
  }
`;
// not marked as GraphQL: prettier would write the escape as the NUL character itself
const NESTED_LITERAL_SEARCH = `
  query {
    organizations(first: 1) {
      nodes {
        projects(filter: { search: "a\\u0000b" }) {
          totalCount
        }
      }
    }
  }
`;
const NODES = /* GraphQL */ `
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
    }
  }
`;
const DATE_FROM = /* GraphQL */ `
  query DateFrom($from: Date) {
    donationSummary(filter: { dateFrom: $from }) {
      donationCount
    }
  }
`;
const LITERAL_YEAR_ZERO = /* GraphQL */ `
  query {
    donationSummary(filter: { dateFrom: "0000-01-01" }) {
      donationCount
    }
  }
`;
const CREATE_KEY = /* GraphQL */ `
  mutation CreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
    }
  }
`;
const ORGANIZATIONS_PAGE = /* GraphQL */ `
  query OrganizationsPage($orderBy: OrganizationOrder, $after: String, $before: String) {
    organizations(orderBy: $orderBy, after: $after, before: $before) {
      nodes {
        id
      }
    }
  }
`;
const TRAINING_BY_PARTICIPANTS = /* GraphQL */ `
  query TrainingByParticipants($after: String) {
    trainingSessions(orderBy: { field: PARTICIPANT_COUNT }, after: $after) {
      nodes {
        id
      }
    }
  }
`;
const PAGE_SIZE = /* GraphQL */ `
  query PageSize($first: Int) {
    projects(first: $first) {
      totalCount
    }
  }
`;
const TWO_OPERATIONS = /* GraphQL */ `
  query Organizations {
    organizations {
      totalCount
    }
  }
  query Projects {
    projects {
      totalCount
    }
  }
`;
const COUNT = /* GraphQL */ `
  query Count {
    organizations {
      totalCount
    }
  }
`;
const SUBSCRIPTION = /* GraphQL */ `
  subscription Organizations {
    organizations {
      totalCount
    }
  }
`;

const SOME_UUID = '00000000-0000-4000-8000-000000000000';

/** A refusal before execution: 400 and one error, no data. */
function refused(message: string, extensions: Record<string, unknown>, locations?: unknown) {
  return { status: 400, body: { errors: [{ message, ...(locations ? { locations } : {}), extensions }] } };
}

/** A resolver's refusal of one root field: 200, its data null, one error at its path. */
function fieldRefused(field: string, argument: string, message: string, locations: unknown) {
  return {
    status: 200,
    body: {
      data: null,
      errors: [{ message, locations, path: [field], extensions: { code: 'BAD_USER_INPUT', argument } }],
    },
  };
}

describe.each([true, false])('hostile input is a client error, never masked (compiledReads: %s)', (compiledReads) => {
  let db: TestDatabase;
  let t: TestServer;
  let internal: TestKey;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
    t = await serveTestDatabase(db, { compiledReads });
    internal = await createTestKey(db.database.db, { tier: 'INTERNAL' });
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  /** POSTs a whole request body, for what `t.query` cannot send (operationName, extensions). */
  async function send(payload: Record<string, unknown>): Promise<Pick<GraphQLResponse, 'status' | 'body'>> {
    const response = await fetch(`${t.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const { extensions, ...body } = (await response.json()) as GraphQLResponse['body'];
    const { cost, ...rest } = extensions ?? {};
    return { status: response.status, body: Object.keys(rest).length > 0 ? { ...body, extensions: rest } : body };
  }

  const answer = async (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => {
    const { status, body } = await t.query(query, variables, headers);
    return { status, body };
  };

  it('a NUL character in a variable is BAD_USER_INPUT naming the variable path', async () => {
    expect(await answer(SEARCH, { filter: { search: 'a\u0000b' } })).toEqual(
      refused('$filter.search: must not contain the NUL character (U+0000)', {
        code: 'BAD_USER_INPUT',
        argument: '$filter.search',
      }),
    );
    expect(await answer(NODES, { ids: ['x', '\u0000'] })).toEqual(
      refused('$ids[1]: must not contain the NUL character (U+0000)', { code: 'BAD_USER_INPUT', argument: '$ids[1]' }),
    );
  });

  it('a NUL character in a literal argument of a nested field is BAD_USER_INPUT naming the argument path', async () => {
    expect(await answer(NESTED_LITERAL_SEARCH)).toEqual(
      refused('filter.search: must not contain the NUL character (U+0000)', {
        code: 'BAD_USER_INPUT',
        argument: 'filter.search',
      }),
    );
  });

  it('a lone UTF-16 surrogate in a variable is BAD_USER_INPUT', async () => {
    expect(await answer(SEARCH, { filter: { search: '\ud800' } })).toEqual(
      refused('$filter.search: must be well-formed Unicode, not hold a lone UTF-16 surrogate', {
        code: 'BAD_USER_INPUT',
        argument: '$filter.search',
      }),
    );
  });

  it('the year 0 is not a Date, as a variable or in the document', async () => {
    expect(await answer(DATE_FROM, { from: '0000-01-01' })).toEqual(
      refused(
        'Variable "$from" got invalid value "0000-01-01"; Date must be a day in the years 0001–9999, got "0000-01-01"',
        { code: 'BAD_USER_INPUT' },
        [{ line: 2, column: 18 }],
      ),
    );
    expect(await answer(LITERAL_YEAR_ZERO)).toEqual(
      refused('Date must be a day in the years 0001–9999, got "0000-01-01"', { code: 'GRAPHQL_VALIDATION_FAILED' }, [
        { line: 3, column: 41 },
      ]),
    );
  });

  it('a DateTime past 9999 in UTC is BAD_USER_INPUT', async () => {
    const input = { name: 'far future', tier: 'DEVELOPER', expiresAt: '9999-12-31T23:00:00-05:00' };
    expect(await answer(CREATE_KEY, { input }, internal.headers)).toEqual(
      refused(
        'Variable "$input" got invalid value "9999-12-31T23:00:00-05:00" at "input.expiresAt"; DateTime must fall in the years 0001–9999 (UTC), got +010000-01-01T04:00:00.000Z',
        { code: 'BAD_USER_INPUT' },
        [{ line: 2, column: 22 }],
      ),
    );
  });

  it('a well-formed cursor whose key PostgreSQL cannot read is BAD_USER_INPUT on after or before', async () => {
    const notIssued = (argument: string) =>
      fieldRefused('organizations', argument, `${argument}: is not a cursor issued by this API`, [
        { line: 3, column: 5 },
      ]);
    const byFounding = { field: 'FOUNDED_ON' };
    const byCreation = { field: 'CREATED_AT' };
    const cursor = (key: string) => encodeCursor({ key, id: SOME_UUID });
    expect(await answer(ORGANIZATIONS_PAGE, { orderBy: byFounding, after: cursor('2020-02-30') })).toEqual(
      notIssued('after'),
    );
    expect(await answer(ORGANIZATIONS_PAGE, { orderBy: byFounding, before: cursor('0000-01-01') })).toEqual(
      notIssued('before'),
    );
    expect(await answer(ORGANIZATIONS_PAGE, { orderBy: byCreation, after: cursor('2020-12-01 25:00:00+00') })).toEqual(
      notIssued('after'),
    );
    expect(await answer(ORGANIZATIONS_PAGE, { orderBy: byCreation, after: cursor('2020-12-01 08:00:00+99') })).toEqual(
      notIssued('after'),
    );
    expect(await answer(ORGANIZATIONS_PAGE, { after: cursor('a\u0000b') })).toEqual(notIssued('after'));
    expect(await answer(TRAINING_BY_PARTICIPANTS, { after: cursor('2147483648') })).toEqual(
      fieldRefused('trainingSessions', 'after', 'after: is not a cursor issued by this API', [{ line: 3, column: 5 }]),
    );
  });

  it('an Int past 32 bits is BAD_USER_INPUT, not a request too complex', async () => {
    expect(await answer(PAGE_SIZE, { first: 2 ** 31 })).toEqual(
      refused(
        'Variable "$first" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648',
        { code: 'BAD_USER_INPUT' },
        [{ line: 2, column: 18 }],
      ),
    );
  });

  it('an operationName that names no operation is OPERATION_RESOLUTION_FAILURE', async () => {
    expect(await send({ query: TWO_OPERATIONS, operationName: 'Donations' })).toEqual(
      refused('Unknown operation named "Donations".', { code: 'OPERATION_RESOLUTION_FAILURE' }),
    );
    expect(await send({ query: COUNT, operationName: 'Donations' })).toEqual(
      refused('Unknown operation named "Donations".', { code: 'OPERATION_RESOLUTION_FAILURE' }),
    );
    expect(await send({ query: TWO_OPERATIONS })).toEqual(
      refused('Must provide operation name if query contains multiple operations.', {
        code: 'OPERATION_RESOLUTION_FAILURE',
      }),
    );
  });

  it('a persisted query whose hash does not match, or of another version, is BAD_REQUEST', async () => {
    const persistedQuery = { version: 1, sha256Hash: '0'.repeat(64) };
    expect(await send({ query: COUNT, extensions: { persistedQuery } })).toEqual(
      refused('provided sha does not match query', { code: 'BAD_REQUEST' }),
    );
    expect(await send({ query: COUNT, extensions: { persistedQuery: { ...persistedQuery, version: 2 } } })).toEqual(
      refused('Unsupported persisted query version', { code: 'BAD_REQUEST' }),
    );
  });

  it('a subscription is GRAPHQL_VALIDATION_FAILED: the schema has none', async () => {
    const noSubscriptions = refused(
      'This API has no subscription operations: the schema defines no subscription root type.',
      { code: 'GRAPHQL_VALIDATION_FAILED' },
      [{ line: 2, column: 3 }],
    );
    expect(await answer(SUBSCRIPTION)).toEqual(noSubscriptions);
    expect(await send({ query: SUBSCRIPTION, operationName: 'Organizations' })).toEqual(noSubscriptions);
  });
  it('a variable the operation does not declare plays no part, however deep', async () => {
    const depth = 40_000;
    const response = await fetch(`${t.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // written out by hand: JSON.stringify itself runs out of stack this deep
      body: `{"query":"{ organizations(first: 1) { totalCount } }","variables":{"junk":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as GraphQLResponse['body']).data).toEqual({ organizations: { totalCount: 0 } });
  });
});
