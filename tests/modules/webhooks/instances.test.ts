import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { rows } from '../../../src/db/client';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { describeOnServer } from '../../support/needs-server';
import { serveTestDatabase, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';
import { startReceiver, type Receiver } from './receiver';

const SUBSCRIBE = /* GraphQL */ `
  mutation Subscribe($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      ... on CreateWebhookSubscriptionSuccess {
        secret
      }
    }
  }
`;

const RECORD_DONATION = /* GraphQL */ `
  mutation Record($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      __typename
    }
  }
`;

/** Donations written, half through each instance. */
const DONATIONS = 20;

describeOnServer('webhooks with two instances over one database', 'it needs two pools on one server', () => {
  let db: TestDatabase;
  let servers: TestServer[];
  let w: Writers;
  let receiver: Receiver;

  beforeAll(async () => {
    db = await createTestDatabase();
    receiver = await startReceiver();
    const webhooks = { allowPrivateTargets: true, retryDelaySeconds: 1, timeoutSeconds: 2, dispatchIntervalMs: 50 };
    servers = [await serveTestDatabase(db, { webhooks }), await serveTestDatabase(db, { webhooks })];
    w = await createWriters(db.database.db);
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await receiver.close();
    await db.drop();
  });

  it('delivers each change once, whichever instance dispatches it and makes the attempt', async () => {
    const { body } = await servers[0]!.query(
      SUBSCRIBE,
      { input: { url: receiver.url, events: ['DONATION_RECORDED'] } },
      w.foundation.key.headers,
    );
    const { secret } = body.data.createWebhookSubscription;
    await Promise.all(
      Array.from({ length: DONATIONS }, (_, i) =>
        servers[i % 2]!.query(
          RECORD_DONATION,
          {
            input: {
              donorId: w.foundation.id,
              recipientId: w.grantee.id,
              purpose: 'HEALTH',
              pledgedOn: '2026-06-01',
              total: String(i + 1),
            },
          },
          w.foundation.key.headers,
        ),
      ),
    );
    await receiver.until((r) => r.length >= DONATIONS);
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    expect(receiver.received).toHaveLength(DONATIONS);
    const webhook = new Webhook(secret);
    const totals = receiver.received.map((r) => Number((webhook.verify(r.body, r.headers) as any).data.fields.total));
    expect(totals.sort((a, b) => a - b)).toEqual(Array.from({ length: DONATIONS }, (_, i) => i + 1));
    const [counts] = await rows<{ deliveries: number; attempts: number }>(
      db.database.db,
      sql`select (select count(*)::int from webhook_deliveries) as deliveries,
                 (select count(*)::int from webhook_attempts) as attempts`,
    );
    expect(counts).toEqual({ deliveries: DONATIONS, attempts: DONATIONS });
  });
});
