import { Webhook } from 'standardwebhooks';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';
import { startReceiver, type Receiver } from './receiver';

const SUBSCRIBE = /* GraphQL */ `
  mutation Subscribe($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      ... on CreateWebhookSubscriptionSuccess {
        secret
        subscription {
          id
        }
      }
    }
  }
`;

const RECORD_DONATION = /* GraphQL */ `
  mutation Record($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      ... on RecordDonationSuccess {
        donation {
          id
        }
      }
    }
  }
`;

const DELIVERIES = /* GraphQL */ `
  query Deliveries($subscriptionId: ID) {
    webhookDeliveries(subscriptionId: $subscriptionId, first: 10) {
      totalCount
      nodes {
        id
        event
        status
        attemptCount
        nextAttemptAt
        deliveredAt
        payload
        subscription {
          id
        }
        attempts {
          attempt
          startedAt
          durationMs
          responseStatus
          detail
        }
      }
    }
  }
`;

/** Waits until `check` answers true, looking every 100 ms, for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not so within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhook deliveries', () => {
  let t: TestServer;
  let w: Writers;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    // a loopback receiver needs private targets allowed; retries 1–2 s, 2–4 s, 4–8 s apart
    t = await startTestServer({
      webhooks: { allowPrivateTargets: true, retryDelaySeconds: 1, timeoutSeconds: 2, dispatchIntervalMs: 100 },
    });
    w = await createWriters(t.database.db);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const subscribe = async (headers: Record<string, string>, url: string) => {
    const { body } = await t.query(SUBSCRIBE, { input: { url, events: ['DONATION_RECORDED'] } }, headers);
    return body.data.createWebhookSubscription as { secret: string; subscription: { id: string } };
  };

  it('a receiver down for its first 3 attempts gets the event on the 4th, signed each time, every attempt readable', async () => {
    receiver.answer((n) => (n <= 3 ? 503 : 200));
    const donor = await subscribe(w.foundation.key.headers, receiver.url);
    const recorded = await t.query(
      RECORD_DONATION,
      {
        input: {
          donorId: w.foundation.id,
          recipientId: w.grantee.id,
          purpose: 'HEALTH',
          pledgedOn: '2026-02-01',
          total: '300',
        },
      },
      w.foundation.key.headers,
    );
    const donationId: string = recorded.body.data.recordDonation.donation.id;

    await receiver.until((r) => r.length >= 4);
    // the 4th answer is recorded in the transaction after it: wait for it to show
    let delivery: any;
    await eventually(async () => {
      const { body } = await t.query(DELIVERIES, { subscriptionId: donor.subscription.id }, w.foundation.key.headers);
      delivery = body.data.webhookDeliveries.nodes[0];
      return delivery?.status === 'DELIVERED';
    });
    // nothing more comes once a 2xx was answered
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(receiver.received.map((r) => r.answered)).toEqual([503, 503, 503, 200]);

    const webhook = new Webhook(donor.secret);
    const payloads = receiver.received.map((r) => webhook.verify(r.body, r.headers));
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.id]));
    expect(new Set(receiver.received.map((r) => r.body))).toEqual(new Set([delivery.payload]));
    expect(payloads[0]).toEqual({
      type: 'DONATION_RECORDED',
      timestamp: expect.any(String),
      data: {
        cursor: expect.any(String),
        entity: 'DONATION',
        action: 'CREATED',
        recordId: donationId,
        version: 1,
        committedAt: expect.any(String),
        fields: expect.objectContaining({ donor: w.foundation.id, recipient: w.grantee.id }),
        previous: null,
        reason: null,
      },
    });

    expect(delivery).toEqual({
      id: expect.any(String),
      event: 'DONATION_RECORDED',
      status: 'DELIVERED',
      attemptCount: 4,
      nextAttemptAt: null,
      deliveredAt: expect.any(String),
      payload: expect.any(String),
      subscription: { id: donor.subscription.id },
      attempts: [1, 2, 3, 4].map((attempt) => ({
        attempt,
        startedAt: expect.any(String),
        durationMs: expect.any(Number),
        responseStatus: attempt < 4 ? 503 : 200,
        detail: attempt < 4 ? 'receiver down' : 'ok',
      })),
    });
    // each wait is at least half its ceiling: 1 s, 2 s, 4 s
    const started = delivery.attempts.map((a: { startedAt: string }) => Date.parse(a.startedAt));
    expect(started[1] - started[0]).toBeGreaterThanOrEqual(1_000);
    expect(started[2] - started[1]).toBeGreaterThanOrEqual(2_000);
    expect(started[3] - started[2]).toBeGreaterThanOrEqual(4_000);
  });

  it('each subscription hears about its own organization’s records only; an INTERNAL one hears about all', async () => {
    receiver.answer(() => 200);
    receiver.received.length = 0;
    const recipient = await subscribe(w.grantee.key.headers, `${receiver.url}?grantee`);
    const bystander = await subscribe(w.other.key.headers, `${receiver.url}?other`);
    const staff = await subscribe(w.internal.headers, `${receiver.url}?staff`);
    await t.query(
      RECORD_DONATION,
      {
        input: {
          donorId: w.foundation.id,
          recipientId: w.grantee.id,
          purpose: 'EDUCATION',
          pledgedOn: '2026-03-01',
          total: '50',
        },
      },
      w.foundation.key.headers,
    );
    // the foundation's subscription from the first test, the grantee's and the staff's
    await receiver.until((r) => r.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const count = async (headers: Record<string, string>, subscriptionId: string) =>
      (await t.query(DELIVERIES, { subscriptionId }, headers)).body.data.webhookDeliveries.totalCount;
    expect(receiver.received).toHaveLength(3);
    expect(await count(w.grantee.key.headers, recipient.subscription.id)).toBe(1);
    expect(await count(w.other.key.headers, bystander.subscription.id)).toBe(0);
    expect(await count(w.internal.headers, staff.subscription.id)).toBe(1);
    // the staff subscription, made after the first donation, does not hear about it
    for (const { secret } of [recipient, staff]) {
      const signed = receiver.received.filter((r) => {
        try {
          new Webhook(secret).verify(r.body, r.headers);
          return true;
        } catch {
          return false;
        }
      });
      expect(signed).toHaveLength(1);
    }
  });

  it('a redirect is not followed: a 3xx is a failed attempt', async () => {
    receiver.received.length = 0;
    const redirect = await startReceiver(() => 302);
    const sub = await subscribe(w.grantee.key.headers, redirect.url);
    await t.query(
      RECORD_DONATION,
      {
        input: {
          donorId: w.grantee.id,
          recipientId: w.other.id,
          purpose: 'HEALTH',
          pledgedOn: '2026-04-01',
          total: '1',
        },
      },
      w.grantee.key.headers,
    );
    let delivery: any;
    await eventually(async () => {
      const { body } = await t.query(DELIVERIES, { subscriptionId: sub.subscription.id }, w.grantee.key.headers);
      delivery = body.data.webhookDeliveries.nodes[0];
      return delivery?.attemptCount >= 1;
    });
    await redirect.close();
    expect(delivery.status).toBe('PENDING');
    expect(delivery.nextAttemptAt).not.toBeNull();
    expect(delivery.attempts[0]).toMatchObject({
      attempt: 1,
      responseStatus: 302,
      detail: 'redirect to http://169.254.169.254/latest/meta-data/ not followed',
    });
    expect(redirect.received).toHaveLength(1);
  });
});
