import { sql } from 'drizzle-orm';
import { loadConfig } from '../../../src/config';
import { rows } from '../../../src/db/client';
import { generateKey } from '../../../src/modules/access/key-format';
import { createTestKey } from '../../support/keys';
import { startTestServer, type TestServer } from '../../support/server';

/** 100 organizations + 100 × 10 projects = 1,100 nodes: 11 points. */
const ELEVEN_POINTS = /* GraphQL */ `
  query ($o: Int!, $p: Int!) {
    organizations(first: $o) {
      nodes {
        projects(first: $p) {
          totalCount
        }
      }
    }
  }
`;

const RATE_LIMIT = /* GraphQL */ `
  query {
    rateLimit {
      limit
      cost
      remaining
      used
      resetAt
    }
  }
`;

/** Three aliases of 100 organizations, two of them through a fragment: 300 nodes, 3 points. */
const ALIASES_AND_FRAGMENTS = /* GraphQL */ `
  query {
    a: organizations(first: 100) {
      totalCount
    }
    ...More
  }
  fragment More on Query {
    b: organizations(first: 100) {
      totalCount
    }
    c: organizations(last: 100) {
      totalCount
    }
  }
`;

const MUTATION = /* GraphQL */ `
  mutation {
    revokeApiKey(input: { id: "nothing" }) {
      __typename
    }
  }
`;

const headersOf = (headers: Headers) => ({
  limit: headers.get('x-ratelimit-limit'),
  remaining: headers.get('x-ratelimit-remaining'),
  used: headers.get('x-ratelimit-used'),
  reset: headers.get('x-ratelimit-reset'),
});

describe('cost and budgets', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      seed: { organizations: 2, projects: 2, donations: 2, trainingSessions: 2, seed: 1 },
      access: { tierBudgets: { ANONYMOUS: 30, DEVELOPER: 50, PARTNER: 60, INTERNAL: 70 } },
    });
  });
  afterAll(() => t.close());

  /** An anonymous caller of its own: the server believes X-Forwarded-For only from trusted proxies, so each test uses a key. */
  const caller = async () => (await createTestKey(t.database.db)).headers;

  it('charges nodes ÷ 100, rounded up, counting page sizes passed as variables', async () => {
    const headers = await caller();
    const { status, headers: h, cost } = await t.query(ELEVEN_POINTS, { o: 100, p: 10 }, headers);
    expect(status).toBe(200);
    expect(cost).toEqual({ requested: 11, limit: 50, remaining: 39, resetAt: expect.any(String) });
    const resetAt = cost!;
    expect(Date.parse(resetAt.resetAt) - Date.now()).toBeGreaterThan(3_590_000);
    expect(headersOf(h)).toEqual({
      limit: '50',
      remaining: '39',
      used: '11',
      reset: String(Math.ceil(Date.parse(resetAt.resetAt) / 1000)),
    });
  });

  it('counts every alias and every fragment', async () => {
    const { cost } = await t.query(ALIASES_AND_FRAGMENTS, {}, await caller());
    expect(cost).toMatchObject({ requested: 3, remaining: 47 });
  });

  it('charges a query without connections 1 point and a mutation 10', async () => {
    const headers = await caller();
    expect((await t.query(RATE_LIMIT, {}, headers)).cost).toMatchObject({ requested: 1 });
    expect((await t.query(MUTATION, {}, headers)).cost).toMatchObject({ requested: 10, remaining: 39 });
  });

  it('rateLimit reports the budget from inside the query, this request included', async () => {
    const headers = await caller();
    await t.query(ELEVEN_POINTS, { o: 100, p: 10 }, headers);
    const { headers: h, body, cost } = await t.query(RATE_LIMIT, {}, headers);
    expect(body.data.rateLimit).toEqual({
      limit: 50,
      cost: 1,
      remaining: 38,
      used: 12,
      resetAt: cost!.resetAt,
    });
    expect(headersOf(h)).toMatchObject({ remaining: '38', used: '12' });
  });

  it('refuses a request that does not fit with 429, Retry-After and RATE_LIMITED, before it runs', async () => {
    const headers = await caller();
    expect((await t.query(ELEVEN_POINTS, { o: 100, p: 40 }, headers)).status).toBe(200); // 41 points
    const before = t.statements();
    const refused = await t.query(ELEVEN_POINTS, { o: 100, p: 10 }, headers); // 11 more would make 52 > 50
    expect(t.statements() - before).toBe(1); // the key's look-up; nothing executed
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3_590);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
    expect(headersOf(refused.headers)).toMatchObject({ limit: '50', remaining: '9', used: '41' });
    expect(refused.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(
            /^This request costs 11 points and 9 of 50 remain until \S+Z\. Try again then/,
          ),
          extensions: {
            code: 'RATE_LIMITED',
            cost: { requested: 11, limit: 50, remaining: 9, resetAt: expect.any(String) },
          },
        },
      ],
    });
    expect(refused.cost).toEqual({ requested: 11, limit: 50, remaining: 9, resetAt: expect.any(String) });
    // what still fits is served
    const fits = await t.query(ELEVEN_POINTS, { o: 90, p: 0 }, headers);
    expect(fits.status).toBe(200);
    expect(headersOf(fits.headers)).toMatchObject({ remaining: '8', used: '42' });
  });

  it('refuses a request larger than the whole budget without suggesting a retry', async () => {
    const refused = await t.query(ELEVEN_POINTS, { o: 100, p: 50 }, await caller()); // 51 points > 50
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(refused.body.errors![0]!.message).toBe(
      'This request costs 51 points, more than the whole budget of 50. Ask for smaller pages, or use a key of a larger tier.',
    );
  });

  it('reports the budget on responses that charge nothing', async () => {
    const headers = await caller();
    await t.query(ELEVEN_POINTS, { o: 100, p: 10 }, headers);
    const unparsable = await t.query('query {', {}, headers);
    expect(unparsable.status).toBe(400);
    expect(headersOf(unparsable.headers)).toMatchObject({ limit: '50', remaining: '39', used: '11' });
    expect(unparsable.cost).toMatchObject({ requested: 0, remaining: 39 });
  });

  it('gives each tier its own budget', async () => {
    for (const [tier, limit] of [
      ['DEVELOPER', '50'],
      ['PARTNER', '60'],
      ['INTERNAL', '70'],
    ] as const) {
      const key = await createTestKey(t.database.db, {
        tier,
        organizationId: tier === 'PARTNER' ? await anyOrganization(t) : undefined,
      });
      expect(headersOf((await t.query(RATE_LIMIT, {}, key.headers)).headers)).toMatchObject({ limit, used: '1' });
    }
    expect(headersOf((await t.query(RATE_LIMIT, {}, { 'x-forwarded-for': '198.51.100.1' })).headers).limit).toBe('30');
  });

  it('keys anonymous callers by their own address and ignores X-Forwarded-For from an untrusted peer', async () => {
    const first = await t.query(RATE_LIMIT, {}, { 'x-forwarded-for': '203.0.113.1' });
    const second = await t.query(RATE_LIMIT, {}, { 'x-forwarded-for': '203.0.113.2' });
    // both come from 127.0.0.1, one budget
    expect(Number(second.headers.get('x-ratelimit-used'))).toBe(Number(first.headers.get('x-ratelimit-used')) + 1);
  });
});

describe('behind a trusted proxy', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false, access: { trustedProxies: ['127.0.0.1'] } });
  });
  afterAll(() => t.close());

  it('keys each anonymous client by the address the proxy forwards', async () => {
    const a = await t.query(RATE_LIMIT, {}, { 'x-forwarded-for': '203.0.113.7' });
    await t.query(RATE_LIMIT, {}, { 'x-forwarded-for': '203.0.113.7' });
    const b = await t.query(RATE_LIMIT, {}, { 'x-forwarded-for': '203.0.113.8' });
    const a3 = await t.query(RATE_LIMIT, {}, { 'x-forwarded-for': '10.0.0.1, 203.0.113.7' });
    expect([a, b].map((r) => r.headers.get('x-ratelimit-used'))).toEqual(['1', '1']);
    // a client cannot escape its budget by prepending addresses: the proxy appended the real one
    expect(a3.headers.get('x-ratelimit-used')).toBe('3');
  });
});

describe('failed authentication', () => {
  let t: TestServer;
  const limit = 3;
  const windowMs = 1_500;
  beforeAll(async () => {
    // X-Forwarded-For from the test's loopback names each client address
    t = await startTestServer({
      seed: false,
      access: { trustedProxies: ['127.0.0.1'], authFailureLimit: limit, authFailureWindowMs: windowMs },
    });
  });
  afterAll(() => t.close());

  const from = (address: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...headers });
  const unknownKey = () => ({ authorization: `Bearer ${generateKey().secret}` });

  it('refuses every key from an address past its failures with 429, without a look-up, until the window ends', async () => {
    const key = await createTestKey(t.database.db);
    const opened = Date.now();
    for (let i = 0; i < limit; i++) {
      expect((await t.query(RATE_LIMIT, {}, from('203.0.113.20', unknownKey()))).status).toBe(401);
    }
    const before = t.statements();
    const refused = await t.query(RATE_LIMIT, {}, from('203.0.113.20', unknownKey()));
    const good = await t.query(RATE_LIMIT, {}, from('203.0.113.20', key.headers));
    expect(t.statements()).toBe(before); // neither key was looked up
    for (const response of [refused, good]) {
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(Math.ceil(windowMs / 1000));
      expect(response.headers.get('x-ratelimit-limit')).toBe('1000'); // the address's own budget, as on a 401
      expect(response.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(
              /^This address sent 3 API keys that were refused; requests with a key from it are refused until \S+Z\. /,
            ),
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
    }
    // without a key the address is served, and so are keys from other addresses
    expect((await t.query(RATE_LIMIT, {}, from('203.0.113.20'))).status).toBe(200);
    expect((await t.query(RATE_LIMIT, {}, from('203.0.113.21', key.headers))).status).toBe(200);
    // once the window has ended, the key works again
    await new Promise((resolve) => setTimeout(resolve, opened + windowMs + 50 - Date.now()));
    expect((await t.query(RATE_LIMIT, {}, from('203.0.113.20', key.headers))).status).toBe(200);
  });

  it('is configured by AUTH_FAILURE_LIMIT and AUTH_FAILURE_WINDOW_SECONDS, whole numbers of at least 1', () => {
    expect(loadConfig({}).access).toMatchObject({ authFailureLimit: 60, authFailureWindowMs: 300_000 });
    expect(loadConfig({ AUTH_FAILURE_LIMIT: '5', AUTH_FAILURE_WINDOW_SECONDS: '60' }).access).toMatchObject({
      authFailureLimit: 5,
      authFailureWindowMs: 60_000,
    });
    expect(() => loadConfig({ AUTH_FAILURE_LIMIT: '0', AUTH_FAILURE_WINDOW_SECONDS: 'soon' })).toThrow(
      /AUTH_FAILURE_LIMIT: .*\n.*AUTH_FAILURE_WINDOW_SECONDS: /,
    );
  });
});

async function anyOrganization(t: TestServer): Promise<string> {
  const [organization] = await rows<{ id: string }>(t.database.db, sql`select id from organizations limit 1`);
  return organization!.id;
}
