import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { generateKey } from '../../../src/modules/access/key-format';
import { revokeApiKey } from '../../../src/modules/access/store';
import { toGlobalId } from '../../../src/modules/node/global-id';
import { createTestKey } from '../../support/keys';
import { startTestServer, type TestServer } from '../../support/server';

const VIEWER = /* GraphQL */ `
  query {
    viewer {
      name
      tier
      scopes
      organization {
        name
      }
      apiKey {
        id
        displayPrefix
        revokedAt
      }
    }
  }
`;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on CreateApiKeySuccess {
        secret
        apiKey {
          id
          name
          tier
          scopes
          displayPrefix
          organization {
            name
          }
          expiresAt
          revokedAt
        }
      }
      ... on UserError {
        code
        message
        field
      }
    }
  }
`;

const REVOKE = /* GraphQL */ `
  mutation Revoke($id: ID!) {
    revokeApiKey(input: { id: $id }) {
      __typename
      ... on RevokeApiKeySuccess {
        apiKey {
          id
          revokedAt
        }
      }
      ... on UserError {
        code
        message
        field
      }
    }
  }
`;

const MENGNIU = '内蒙古蒙牛乳业(集团)股份有限公司';

describe('API keys', () => {
  let t: TestServer;
  beforeAll(async () => {
    // the reported records (Mengniu among them) and a little synthetic data
    t = await startTestServer({
      seed: { organizations: 5, projects: 5, donations: 5, trainingSessions: 5, seed: 1 },
      access: { lastUseFlushMs: 300 },
    });
  });
  afterAll(() => t.close());

  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  it('without a key the caller is anonymous', async () => {
    const { status, body } = await t.query(VIEWER);
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: { viewer: null } });
  });

  it('a key answers who the caller is', async () => {
    const [mengniu] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from organizations where name = ${MENGNIU}`,
    );
    const key = await createTestKey(t.database.db, {
      name: '蒙牛 grants team',
      tier: 'PARTNER',
      organizationId: mengniu!.id,
    });
    const { status, body } = await t.query(VIEWER, {}, key.headers);
    expect(status).toBe(200);
    expect(body.data).toEqual({
      viewer: {
        name: '蒙牛 grants team',
        tier: 'PARTNER',
        scopes: ['READ', 'WRITE'],
        organization: { name: MENGNIU },
        apiKey: { id: toGlobalId('ApiKey', key.apiKey.id), displayPrefix: key.secret.slice(0, 13), revokedAt: null },
      },
    });
  });

  it.each([
    [
      'a header that is not Bearer',
      'Basic dXNlcjpwYXNz',
      'API key missing: the Authorization header must be `Bearer <key>`',
    ],
    [
      'a token of another service',
      'Bearer ghp_0123456789abcdef',
      'API key is not a gongyi-graph API key (keys start with gyk1_)',
    ],
    [
      'a malformed key',
      'Bearer gyk1_tooShort',
      'API key is malformed: a key is gyk1_ followed by 38 letters and digits',
    ],
    ['an unknown key', `Bearer ${generateKey().secret}`, 'API key is not known'],
  ])('%s is refused with 401 UNAUTHENTICATED', async (_case, authorization, problem) => {
    const lookups: string[] = [];
    const stopWatching = t.database.watchStatements((statement) => {
      if (statement.includes('"secret_hash" =')) lookups.push(statement);
    });
    const { status, headers, body } = await t.query(VIEWER, {}, { authorization });
    stopWatching();
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer realm="gongyi-graph"');
    // the budget of the client's address, which is what it would be charged as without a key
    expect(headers.get('x-ratelimit-limit')).toBe('1000');
    expect(headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(body).toEqual({
      errors: [
        {
          message: `${problem}. Send a valid key as \`Authorization: Bearer <key>\`, or none to be anonymous.`,
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
    // a key that cannot be ours is refused before any look-up (last-use flushes may run meanwhile)
    expect(lookups).toHaveLength(problem.endsWith('not known') ? 1 : 0);
  });

  it('a mistyped key is refused by its checksum, without a database look-up', async () => {
    const key = await createTestKey(t.database.db);
    const typo = key.secret.slice(0, 10) + (key.secret[10] === 'x' ? 'y' : 'x') + key.secret.slice(11);
    const before = t.statements();
    const { status, body } = await t.query(VIEWER, {}, bearer(typo));
    expect(status).toBe(401);
    expect(body.errors![0].message).toMatch(/^API key has a checksum that does not match \(mistyped\?\)/);
    expect(t.statements()).toBe(before);
  });

  it('a revoked key is refused with UNAUTHENTICATED', async () => {
    const key = await createTestKey(t.database.db);
    expect((await t.query(VIEWER, {}, key.headers)).status).toBe(200);
    await revokeApiKey(t.database.db, key.apiKey.id);
    const { status, body } = await t.query(VIEWER, {}, key.headers);
    expect(status).toBe(401);
    expect(body.errors![0]).toMatchObject({
      message: expect.stringMatching(new RegExp(`^API key ${key.apiKey.displayPrefix}… was revoked`)),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('an expired key is refused with UNAUTHENTICATED', async () => {
    const key = await createTestKey(t.database.db, { expiresAt: new Date(Date.now() + 1_000).toISOString() });
    expect((await t.query(VIEWER, {}, key.headers)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const { status, body } = await t.query(VIEWER, {}, key.headers);
    expect(status).toBe(401);
    expect(body.errors![0].message).toMatch(new RegExp(`^API key ${key.apiKey.displayPrefix}… expired at `));
  });

  it('records last use in a batch, not with a write per request', async () => {
    const own = await startTestServer({ seed: false, access: { lastUseFlushMs: 1_000 } });
    try {
      const key = await createTestKey(own.database.db);
      const lastUsed = async () =>
        (
          await rows<{ ms: number | null }>(
            own.database.db,
            sql`select (extract(epoch from last_used_at) * 1000)::float8 as ms from api_keys where id = ${key.apiKey.id}`,
          )
        )[0]!.ms;
      const before = own.statements();
      const firstUse = Date.now();
      for (let i = 0; i < 5; i++) expect((await own.query(VIEWER, {}, key.headers)).status).toBe(200);
      // five requests, five key look-ups, nothing written
      expect(own.statements() - before).toBe(5);
      expect(await lastUsed()).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      expect(await lastUsed()).toBeGreaterThanOrEqual(firstUse - 1);
      // the two reads above, and one write for all five uses
      expect(own.statements() - before).toBe(5 + 2 + 1);
    } finally {
      await own.close();
    }
  });

  describe('managed through mutations', () => {
    it('an INTERNAL key creates a key that works at once, and revokes it', async () => {
      const admin = await createTestKey(t.database.db, { tier: 'INTERNAL' });
      const created = await t.query(CREATE, { input: { name: 'dashboard', tier: 'DEVELOPER' } }, admin.headers);
      expect(created.status).toBe(200);
      const success = created.body.data.createApiKey;
      expect(success).toEqual({
        __typename: 'CreateApiKeySuccess',
        secret: expect.stringMatching(/^gyk1_[0-9A-Za-z]{38}$/),
        apiKey: {
          id: expect.any(String),
          name: 'dashboard',
          tier: 'DEVELOPER',
          scopes: ['READ'],
          displayPrefix: success.secret.slice(0, 13),
          organization: null,
          expiresAt: null,
          revokedAt: null,
        },
      });
      const viewer = await t.query(VIEWER, {}, bearer(success.secret));
      expect(viewer.body.data.viewer).toMatchObject({ name: 'dashboard', tier: 'DEVELOPER' });

      const revoked = await t.query(REVOKE, { id: success.apiKey.id }, admin.headers);
      expect(revoked.body.data.revokeApiKey).toEqual({
        __typename: 'RevokeApiKeySuccess',
        apiKey: { id: success.apiKey.id, revokedAt: expect.any(String) },
      });
      expect((await t.query(VIEWER, {}, bearer(success.secret))).status).toBe(401);

      // revoking again is safe to retry: the same key, revoked at the same moment
      const again = await t.query(REVOKE, { id: success.apiKey.id }, admin.headers);
      expect(again.body.data.revokeApiKey).toEqual(revoked.body.data.revokeApiKey);
    });

    it.each([
      ['anonymous callers', null, 'Managing API keys needs an INTERNAL API key; this request sent none.'],
      [
        'DEVELOPER keys',
        'DEVELOPER',
        'Managing API keys needs an INTERNAL key with MANAGE_KEYS; this key is DEVELOPER.',
      ],
    ] as const)('%s may not create keys (FORBIDDEN)', async (_who, tier, message) => {
      const headers = tier ? (await createTestKey(t.database.db, { tier })).headers : undefined;
      const { status, body } = await t.query(CREATE, { input: { name: 'x', tier: 'INTERNAL' } }, headers);
      expect(status).toBe(200);
      expect(body).toEqual({
        data: null,
        errors: [
          { message, path: ['createApiKey'], locations: [{ line: 3, column: 5 }], extensions: { code: 'FORBIDDEN' } },
        ],
      });
    });

    it.each([
      [{ name: ' ', tier: 'DEVELOPER' }, 'INVALID', 'input.name', 'must be 1–100 characters, got 0'],
      [
        { name: 'app', tier: 'DEVELOPER', scopes: ['WRITE'] },
        'INVALID',
        'input.scopes',
        'WRITE is not open to DEVELOPER keys (they may hold READ)',
      ],
      [
        { name: 'fund', tier: 'PARTNER' },
        'INVALID',
        'input.organizationId',
        'is required for a PARTNER key: the organization whose records it writes',
      ],
      [
        { name: 'app', tier: 'DEVELOPER', expiresAt: '2020-01-01T00:00:00Z' },
        'INVALID',
        'input.expiresAt',
        'must be in the future, got 2020-01-01T00:00:00.000Z',
      ],
      [
        {
          name: 'fund',
          tier: 'PARTNER',
          organizationId: toGlobalId('Project', '00000000-0000-4000-8000-000000000000'),
        },
        'INVALID',
        'input.organizationId',
        'is not the ID of an organization',
      ],
      [
        {
          name: 'fund',
          tier: 'PARTNER',
          organizationId: toGlobalId('Organization', '00000000-0000-4000-8000-000000000000'),
        },
        'NOT_FOUND',
        'input.organizationId',
        'no organization has this ID',
      ],
    ])('a bad request %j is a UserError and creates nothing', async (input, code, field, message) => {
      const admin = await createTestKey(t.database.db, { tier: 'INTERNAL' });
      const count = async () =>
        (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from api_keys`))[0]!.n;
      const before = await count();
      const { body } = await t.query(CREATE, { input }, admin.headers);
      expect(body.data.createApiKey).toEqual({ __typename: 'UserError', code, field, message });
      expect(await count()).toBe(before);
    });

    it('revoking an unknown key is NOT_FOUND', async () => {
      const admin = await createTestKey(t.database.db, { tier: 'INTERNAL' });
      const { body } = await t.query(
        REVOKE,
        { id: toGlobalId('ApiKey', '00000000-0000-4000-8000-000000000000') },
        admin.headers,
      );
      expect(body.data.revokeApiKey).toEqual({
        __typename: 'UserError',
        code: 'NOT_FOUND',
        field: 'input.id',
        message: 'no API key has this ID',
      });
    });

    it('node(id:) does not resolve API keys', async () => {
      const key = await createTestKey(t.database.db);
      const { body } = await t.query(`query($id: ID!) { node(id: $id) { id } }`, {
        id: toGlobalId('ApiKey', key.apiKey.id),
      });
      expect(body.data).toEqual({ node: null });
    });
  });
});
