import { systemResolve } from '../../../src/modules/webhooks/target';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

const SUBSCRIBE = /* GraphQL */ `
  mutation Subscribe($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      __typename
      ... on CreateWebhookSubscriptionSuccess {
        secret
        subscription {
          id
          url
          events
          organization {
            id
          }
          deletedAt
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

const UNSUBSCRIBE = /* GraphQL */ `
  mutation Unsubscribe($id: ID!) {
    deleteWebhookSubscription(input: { id: $id }) {
      __typename
      ... on DeleteWebhookSubscriptionSuccess {
        subscription {
          url
          deletedAt
        }
      }
      ... on UserError {
        code
        field
      }
    }
  }
`;

const SUBSCRIPTIONS = /* GraphQL */ `
  query Subscriptions {
    webhookSubscriptions(first: 10) {
      totalCount
      nodes {
        url
        events
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

const DELIVERIES = /* GraphQL */ `
  query Deliveries($subscriptionId: ID) {
    webhookDeliveries(subscriptionId: $subscriptionId) {
      nodes {
        status
        attemptCount
        nextAttemptAt
        attempts {
          responseStatus
          detail
        }
      }
    }
  }
`;

const NODE = /* GraphQL */ `
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      ... on WebhookSubscription {
        url
      }
    }
  }
`;

/** Names the tests resolve, as DNS would answer them: one public, one private. */
const NAMES: Record<string, string> = {
  'hooks.example.org': '93.184.216.34',
  'intranet.example.org': '10.2.3.4',
  // public when subscribed; a test points it at loopback afterwards, as a rebinding attacker would
  'rebind.example.org': '93.184.216.35',
};

const stubResolve = async (hostname: string) => {
  const address = NAMES[hostname];
  if (!address) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  return [{ address, family: 4 }];
};

describe('webhook subscriptions', () => {
  let t: TestServer;
  let w: Writers;

  beforeAll(async () => {
    // the system resolver answers `localhost`; the stub answers the example names
    t = await startTestServer({
      webhooks: { resolve: (hostname) => (hostname === 'localhost' ? systemResolve(hostname) : stubResolve(hostname)) },
    });
    w = await createWriters(t.database.db);
  });
  afterAll(() => t.close());

  it('a PARTNER key subscribes an https URL to its organization’s events and sees the whsec_ secret once', async () => {
    const { body } = await t.query(
      SUBSCRIBE,
      { input: { url: 'https://hooks.example.org/gongyi', events: ['DONATION_RECORDED', 'DONATION_RECORDED'] } },
      w.foundation.key.headers,
    );
    const result = body.data.createWebhookSubscription;
    expect(result).toEqual({
      __typename: 'CreateWebhookSubscriptionSuccess',
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
      subscription: {
        id: expect.any(String),
        url: 'https://hooks.example.org/gongyi',
        events: ['DONATION_RECORDED'],
        organization: { id: w.foundation.id },
        deletedAt: null,
      },
    });
    const listed = await t.query(SUBSCRIPTIONS, {}, w.foundation.key.headers);
    expect(listed.body).toEqual({
      data: {
        webhookSubscriptions: {
          totalCount: 1,
          nodes: [{ url: 'https://hooks.example.org/gongyi', events: ['DONATION_RECORDED'] }],
        },
      },
    });
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
  });

  it('an INTERNAL key’s subscription hears about every organization', async () => {
    const { body } = await t.query(
      SUBSCRIBE,
      { input: { url: 'https://hooks.example.org/staff', events: ['TRAINING_RECORDED'] } },
      w.internal.headers,
    );
    expect(body.data.createWebhookSubscription.subscription.organization).toBeNull();
  });

  it.each([
    ['http://10.0.0.1/', '10.0.0.1 is in the private range; webhooks go to public addresses only'],
    ['http://169.254.169.254/', '169.254.169.254 is in the link-local range; webhooks go to public addresses only'],
    [
      'https://intranet.example.org/hook',
      'intranet.example.org resolves to 10.2.3.4, which is in the private range; webhooks go to public addresses only',
    ],
    ['https://[::ffff:10.0.0.1]/', '::ffff:a00:1 is in the private range; webhooks go to public addresses only'],
    ['https://100.64.0.1/', '100.64.0.1 is in the carrier-grade NAT range; webhooks go to public addresses only'],
    ['https://[fd00::1]/', 'fd00::1 is in the unique-local range; webhooks go to public addresses only'],
    ['http://hooks.example.org/', 'must be an https:// URL'],
    [
      'https://nowhere.example.org/',
      'host nowhere.example.org does not resolve (getaddrinfo ENOTFOUND nowhere.example.org)',
    ],
  ])('a subscription to %s is refused with a UserError on input.url', async (url, message) => {
    const { body } = await t.query(
      SUBSCRIBE,
      { input: { url, events: ['DONATION_RECORDED'] } },
      w.foundation.key.headers,
    );
    expect(body).toEqual({
      data: { createWebhookSubscription: { __typename: 'UserError', code: 'INVALID', field: 'input.url', message } },
    });
  });

  it('a subscription to localhost, which the system resolver answers with a loopback address, is refused', async () => {
    const input = { url: 'https://localhost/hook', events: ['DONATION_RECORDED'] };
    const { body } = await t.query(SUBSCRIBE, { input }, w.foundation.key.headers);
    expect(body.data.createWebhookSubscription).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.url',
      message: expect.stringMatching(
        /^localhost resolves to (127\.0\.0\.1|::1), which is in the loopback range; webhooks go to public addresses only$/,
      ),
    });
  });

  it('anonymous callers and DEVELOPER keys are FORBIDDEN to subscribe or to list subscriptions', async () => {
    const input = { url: 'https://hooks.example.org/x', events: ['DONATION_RECORDED'] };
    for (const headers of [{}, w.developer.headers]) {
      const created = await t.query(SUBSCRIBE, { input }, headers);
      expect(created.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
      const listed = await t.query(SUBSCRIPTIONS, {}, headers);
      expect(listed.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    }
  });

  it('a subscription is readable and deletable by its own key only; deleted, it leaves the list', async () => {
    const created = await t.query(
      SUBSCRIBE,
      { input: { url: 'https://hooks.example.org/grantee', events: ['PROJECT_REPORTED'] } },
      w.grantee.key.headers,
    );
    const id: string = created.body.data.createWebhookSubscription.subscription.id;
    expect((await t.query(NODE, { id }, w.grantee.key.headers)).body.data.node).toEqual({
      __typename: 'WebhookSubscription',
      url: 'https://hooks.example.org/grantee',
    });
    expect((await t.query(NODE, { id }, w.other.key.headers)).body.data.node).toBeNull();
    expect((await t.query(UNSUBSCRIBE, { id }, w.other.key.headers)).body.data.deleteWebhookSubscription).toEqual({
      __typename: 'UserError',
      code: 'NOT_FOUND',
      field: 'input.id',
    });
    const deleted = await t.query(UNSUBSCRIBE, { id }, w.grantee.key.headers);
    expect(deleted.body.data.deleteWebhookSubscription).toEqual({
      __typename: 'DeleteWebhookSubscriptionSuccess',
      subscription: { url: 'https://hooks.example.org/grantee', deletedAt: expect.any(String) },
    });
    const listed = await t.query(SUBSCRIPTIONS, {}, w.grantee.key.headers);
    expect(listed.body.data.webhookSubscriptions).toEqual({ totalCount: 0, nodes: [] });
  });

  it('a name that resolves to a private address after subscribing is not sent to: the attempt says why', async () => {
    const { body } = await t.query(
      SUBSCRIBE,
      { input: { url: 'https://rebind.example.org/hook', events: ['DONATION_RECORDED'] } },
      w.other.key.headers,
    );
    const subscriptionId: string = body.data.createWebhookSubscription.subscription.id;
    NAMES['rebind.example.org'] = '127.0.0.1';
    await t.query(
      RECORD_DONATION,
      {
        input: {
          donorId: w.other.id,
          recipientId: w.grantee.id,
          purpose: 'HEALTH',
          pledgedOn: '2026-07-01',
          total: '5',
        },
      },
      w.other.key.headers,
    );
    let delivery: any;
    for (let i = 0; i < 100 && !(delivery?.attemptCount >= 1); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const page = await t.query(DELIVERIES, { subscriptionId }, w.other.key.headers);
      delivery = page.body.data.webhookDeliveries.nodes[0];
    }
    expect(delivery).toEqual({
      status: 'PENDING',
      attemptCount: 1,
      nextAttemptAt: expect.any(String),
      attempts: [
        {
          responseStatus: null,
          detail:
            'not sent: the URL rebind.example.org resolves to 127.0.0.1, which is in the loopback range; webhooks go to public addresses only',
        },
      ],
    });

    // deleted, the subscription's pending delivery is given up and stays readable
    await t.query(UNSUBSCRIBE, { id: subscriptionId }, w.other.key.headers);
    const after = await t.query(DELIVERIES, { subscriptionId }, w.other.key.headers);
    expect(after.body.data.webhookDeliveries.nodes).toEqual([{ ...delivery, status: 'FAILED', nextAttemptAt: null }]);
  });
});
