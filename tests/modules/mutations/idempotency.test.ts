import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { createTestKey } from '../../support/keys';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      __typename
      ... on RecordDonationSuccess {
        donation {
          id
          version
          total {
            value
          }
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

describe('Idempotency-Key', () => {
  let server: TestServer;
  let writers: Writers;
  let grant: (note: string, total?: string) => { input: Record<string, unknown> };

  beforeAll(async () => {
    server = await startTestServer({ poolMax: 8 });
    writers = await createWriters(server.database.db);
    grant = (note, total = '5000.00') => ({
      input: {
        donorId: writers.foundation.id,
        recipientId: writers.grantee.id,
        purpose: 'EDUCATION',
        pledgedOn: '2026-06-01',
        total,
        note,
      },
    });
  });
  afterAll(() => server.close());

  const countByNote = async (note: string) =>
    (
      await rows<{ n: number }>(server.database.db, sql`select count(*)::int as n from donations where note = ${note}`)
    )[0]!.n;

  it('50 concurrent identical requests write one donation; each answer is the first one or IDEMPOTENCY_KEY_IN_USE', async () => {
    const headers = { ...writers.foundation.key.headers, 'idempotency-key': 'grant-2026-06-concurrent' };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => server.query(RECORD, grant('concurrent'), headers)),
    );
    expect(await countByNote('concurrent')).toBe(1);
    const successes = responses.filter((r) => r.body.data.recordDonation.__typename === 'RecordDonationSuccess');
    const inUse = responses.filter((r) => r.body.data.recordDonation.code === 'IDEMPOTENCY_KEY_IN_USE');
    expect(successes.length).toBeGreaterThanOrEqual(1);
    expect(successes.length + inUse.length).toBe(50);
    const first = successes[0]!.body.data;
    for (const r of successes) expect(r.body.data).toEqual(first);
    for (const r of inUse) {
      expect(r.body.data.recordDonation).toEqual({
        __typename: 'UserError',
        code: 'IDEMPOTENCY_KEY_IN_USE',
        field: null,
        message: 'a request with this Idempotency-Key is still running; retry once it has finished',
      });
    }
    // once the first has finished, a retry replays it
    const retry = await server.query(RECORD, grant('concurrent'), headers);
    expect(retry.body.data).toEqual(first);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await countByNote('concurrent')).toBe(1);
  });

  it('the same key with another request is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const headers = { ...writers.foundation.key.headers, 'idempotency-key': 'grant-reused' };
    const first = await server.query(RECORD, grant('reused-1'), headers);
    expect(first.body.data.recordDonation.__typename).toBe('RecordDonationSuccess');
    const other = await server.query(RECORD, grant('reused-2', '6000'), headers);
    expect(other.body.data.recordDonation).toEqual({
      __typename: 'UserError',
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: null,
      message: 'this Idempotency-Key was used with a different request; use a new key for a new request',
    });
    expect(await countByNote('reused-2')).toBe(0);
  });

  it('another API key may use the same key string independently', async () => {
    const foundationKey = await createTestKey(server.database.db, {
      name: 'second foundation key',
      tier: 'PARTNER',
      organizationId: writers.foundation.key.apiKey.organizationId,
    });
    const key = 'shared-key-string';
    const a = await server.query(RECORD, grant('independent'), {
      ...writers.foundation.key.headers,
      'idempotency-key': key,
    });
    const b = await server.query(RECORD, grant('independent'), { ...foundationKey.headers, 'idempotency-key': key });
    expect(a.body.data.recordDonation.__typename).toBe('RecordDonationSuccess');
    expect(b.body.data.recordDonation.__typename).toBe('RecordDonationSuccess');
    expect(b.body.data.recordDonation.donation.id).not.toBe(a.body.data.recordDonation.donation.id);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(await countByNote('independent')).toBe(2);
  });

  it('a refused request is replayed as refused, and writes without the header still work', async () => {
    const headers = { ...writers.foundation.key.headers, 'idempotency-key': 'refused-once' };
    const bad = { input: { ...grant('refused').input, total: '-1' } };
    const first = await server.query(RECORD, bad, headers);
    expect(first.body.data.recordDonation).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.total',
      message: 'must not be negative, got -1',
    });
    const again = await server.query(RECORD, bad, headers);
    expect(again.body.data).toEqual(first.body.data);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const plain = await server.query(RECORD, grant('no-header'), writers.foundation.key.headers);
    expect(plain.body.data.recordDonation.__typename).toBe('RecordDonationSuccess');
  });

  it('a key longer than 255 characters is refused with BAD_USER_INPUT before anything runs', async () => {
    const response = await server.query(RECORD, grant('long-key'), {
      ...writers.foundation.key.headers,
      'idempotency-key': 'k'.repeat(256),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'Idempotency-Key' });
    expect(await countByNote('long-key')).toBe(0);
  });
});
