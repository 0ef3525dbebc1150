import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';
import {
  CANCEL_DONATION,
  CHANGES,
  CORRECT_DONATION,
  LATEST_CURSOR,
  RECORD_DISBURSEMENT,
  RECORD_DONATION,
  UPSERT_PROJECT,
} from './documents';

const CURSOR = expect.stringMatching(/^[A-Za-z0-9_-]+$/);
const INSTANT = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

const DONATIONS_LIST = /* GraphQL */ `
  query {
    donations(first: 1) {
      edges {
        cursor
      }
    }
  }
`;

const COST = (first: number) => /* GraphQL */ `
  query {
    changes(first: ${first}) {
      changes {
        cursor
        record {
          id
        }
      }
      cursor
    }
  }
`;

const RECORDS = /* GraphQL */ `
  query Records($since: String) {
    changes(since: $since) {
      changes {
        version
        record {
          id
          ... on Donation {
            version
            status
          }
        }
      }
    }
  }
`;

describe('the change feed', () => {
  let server: TestServer;
  let writers: Writers;

  beforeAll(async () => {
    server = await startTestServer();
    writers = await createWriters(server.database.db);
  });
  afterAll(() => server.close());

  const latest = async (): Promise<string> => (await server.query(LATEST_CURSOR)).body.data.latestChangeCursor;
  const changes = async (variables: Record<string, unknown>) => {
    const response = await server.query(CHANGES, variables);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.changes;
  };
  const write = async (document: string, input: Record<string, unknown>, headers = writers.foundation.key.headers) => {
    const response = await server.query(document, { input }, headers);
    const result = Object.values(response.body.data)[0] as Record<string, any>;
    expect(result['code']).toBeUndefined();
    return result;
  };
  const recordDonation = async (note: string) =>
    (
      await write(RECORD_DONATION, {
        donorId: writers.foundation.id,
        recipientId: writers.grantee.id,
        projectId: writers.grantee.projectId,
        purpose: 'EDUCATION',
        pledgedOn: '2026-03-01',
        total: '100000',
        note,
      })
    )['donation'];

  it('starts empty, with a cursor that a client polls with, and the same cursor as the latest', async () => {
    const empty = await changes({});
    expect(empty).toEqual({ changes: [], cursor: CURSOR, hasMore: false });
    expect(await latest()).toBe(empty.cursor);
    expect(await changes({ since: empty.cursor })).toEqual(empty);
  });

  it('delivers a donation’s creation, tranche, correction and cancellation in commit order, each with its fields after and before', async () => {
    const since = await latest();
    const donation = await recordDonation('for the feed');
    await write(RECORD_DISBURSEMENT, {
      donationId: donation.id,
      amount: '40000',
      paidOn: '2026-04-01',
      note: '第一笔',
    });
    await write(CORRECT_DONATION, { id: donation.id, expectedVersion: 2, reason: 'pledge raised', total: '120000' });
    await write(CANCEL_DONATION, { id: donation.id, expectedVersion: 3, reason: 'withdrawn' });

    const feed = await changes({ since });
    const actor = { name: 'foundation key', organization: { id: writers.foundation.id } };
    const change = { cursor: CURSOR, entity: 'DONATION', recordId: donation.id, committedAt: INSTANT, actor };
    expect(feed).toEqual({
      changes: [
        {
          ...change,
          action: 'CREATED',
          version: 1,
          fields: {
            donor: writers.foundation.id,
            donorName: writers.foundation.name,
            recipient: writers.grantee.id,
            project: writers.grantee.projectId,
            purpose: 'EDUCATION',
            status: 'PLEDGED',
            pledgedOn: '2026-03-01',
            total: '100000.00',
            delivered: '0.00',
            note: 'for the feed',
          },
          previous: null,
          reason: null,
        },
        {
          ...change,
          action: 'DISBURSED',
          version: 2,
          fields: { status: 'PARTIALLY_DELIVERED', delivered: '40000.00' },
          previous: { status: 'PLEDGED', delivered: '0.00' },
          reason: '第一笔',
        },
        {
          ...change,
          action: 'CORRECTED',
          version: 3,
          fields: { total: '120000.00' },
          previous: { total: '100000.00' },
          reason: 'pledge raised',
        },
        {
          ...change,
          action: 'CANCELLED',
          version: 4,
          fields: { status: 'CANCELLED' },
          previous: { status: 'PARTIALLY_DELIVERED' },
          reason: 'withdrawn',
        },
      ],
      cursor: feed.changes[3].cursor,
      hasMore: false,
    });
    const committed = feed.changes.map((c: { committedAt: string }) => c.committedAt);
    expect([...committed].sort()).toEqual(committed);
  });

  it('pages with `first`, says when more is waiting, and resumes after the cursor without repeating a change', async () => {
    const since = await latest();
    for (const note of ['a', 'b', 'c']) await recordDonation(note);
    const first = await changes({ since, first: 2 });
    expect(first.changes.map((c: any) => c.fields.note)).toEqual(['a', 'b']);
    expect(first.hasMore).toBe(true);
    expect(first.cursor).toBe(first.changes[1].cursor);
    const rest = await changes({ since: first.cursor, first: 2 });
    expect(rest.changes.map((c: any) => c.fields.note)).toEqual(['c']);
    expect(rest.hasMore).toBe(false);
    expect(await changes({ since: rest.cursor, first: 2 })).toEqual({
      changes: [],
      cursor: rest.cursor,
      hasMore: false,
    });
  });

  it('gives only the kinds of record asked for, and `latestChangeCursor` skips everything before it', async () => {
    await recordDonation('before the cursor');
    const since = await latest();
    const project = await write(
      UPSERT_PROJECT,
      {
        organizationId: writers.grantee.id,
        name: '社区书屋',
        category: 'OTHER',
        fundingChannel: 'OTHER',
        status: 'ACTIVE',
      },
      writers.grantee.key.headers,
    );
    await recordDonation('after the cursor');

    const projects = await changes({ since, entities: ['PROJECT'] });
    expect(projects.changes.map((c: any) => [c.entity, c.recordId, c.fields.name])).toEqual([
      ['PROJECT', project['project'].id, '社区书屋'],
    ]);
    expect(projects).toMatchObject({ cursor: projects.changes[0].cursor, hasMore: false });
    const everything = await changes({ since, entities: [] });
    expect(everything.changes.map((c: any) => c.fields.name ?? c.fields.note)).toEqual([
      '社区书屋',
      'after the cursor',
    ]);
  });

  it('gives each change’s record as it is now, whatever version the change made', async () => {
    const since = await latest();
    const donation = await recordDonation('now');
    await write(CANCEL_DONATION, { id: donation.id, expectedVersion: 1, reason: 'withdrawn' });
    const { body } = await server.query(RECORDS, { since });
    const now = { id: donation.id, version: 2, status: 'CANCELLED' };
    expect(body).toEqual({
      data: {
        changes: {
          changes: [
            { version: 1, record: now },
            { version: 2, record: now },
          ],
        },
      },
    });
  });

  it('refuses a cursor it did not issue, a list’s cursor, and a page size outside 1–1000, naming the argument', async () => {
    const listCursor = (await server.query(DONATIONS_LIST)).body.data.donations.edges[0].cursor;
    const refusals = await Promise.all(
      [{ since: 'not-a-cursor' }, { since: listCursor }, { first: 0 }, { first: 1001 }].map(async (variables) => {
        const { body } = await server.query(CHANGES, variables);
        return { data: body.data, errors: body.errors?.map((e) => ({ message: e.message, extensions: e.extensions })) };
      }),
    );
    const refused = (argument: string, message: string) => ({
      data: null,
      errors: [{ message: `${argument}: ${message}`, extensions: { code: 'BAD_USER_INPUT', argument } }],
    });
    expect(refusals).toEqual([
      refused('since', 'is not a change feed cursor issued by this API'),
      refused('since', 'is not a change feed cursor issued by this API'),
      refused('first', 'must be between 1 and 1000, got 0'),
      refused('first', 'must be between 1 and 1000, got 1001'),
    ]);
  });

  it('costs a page of `first` changes as a connection page, what each change selects counted per change', async () => {
    expect((await server.query(COST(100))).cost?.requested).toBe(1);
    expect((await server.query(COST(1000))).cost?.requested).toBe(10);
  });
});
