import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildSchema, parse, validate } from 'graphql';
import { Webhook } from 'standardwebhooks';
import { createWebhookReceiver, type GongyiEvent } from '../../docs/examples/typescript/webhook-receiver';
import { parseGlobalId } from '../../src/modules/node/global-id';
import { attemptLimit, retryWaitSeconds } from '../../src/modules/webhooks/retry-schedule';
import { checkSubscriptionInput } from '../../src/modules/webhooks/validation';
import { loadTypeDefs } from '../../src/schema';
import { createTestKey, type TestKey } from '../support/keys';
import { startTestServer, type TestServer } from '../support/server';

const ROOT = path.join(__dirname, '..', '..');
const PAGE = readFileSync(path.join(ROOT, 'docs', 'webhooks.md'), 'utf8');
const RECEIVER = path.join(ROOT, 'docs', 'examples', 'typescript', 'webhook-receiver.ts');

/** The page's fenced blocks of one language, in order. */
const blocks = (lang: string) =>
  [...PAGE.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1]!);
const json = (n: number) => JSON.parse(blocks('json')[n]!);
const document = (name: string) => blocks('graphql').find((b) => b.includes(` ${name}(`))!;

/** The grant of docs/reporting-grants.md: the demo foundation to the demo grantee. */
const FOUNDATION_ID = 'T3JnYW5pemF0aW9uOmI1NjlkNzdiLTU3NDQtNTE1NC04Mjk1LTk0ZWY3NzA4OTJkYw';
const GRANT = {
  donorId: FOUNDATION_ID,
  recipientId: 'T3JnYW5pemF0aW9uOjdmMmJmM2QyLWE3OTYtNWViZC1iNzNlLWUyNDkyZDUyOWIzZg',
  projectId: 'UHJvamVjdDo0NzNlYzNhMy01N2Y5LTU1YzktYWU5ZS0zNDM0NWRjNmFlZjg',
  purpose: 'CHILD_WELFARE',
  pledgedOn: '2026-03-01',
  total: '100000.00',
  cash: '80000.00',
  inKind: '20000.00',
  inKindDescription: '儿童读物',
  note: '2026 年度资助协议 FZ-2026-014',
};

const RECORD_GRANT = /* GraphQL */ `
  mutation RecordGrant($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      __typename
    }
  }
`;

/** A port free now, on loopback. */
async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A POST of `body` to a receiver, signed with `secret` now, as the server signs it. */
async function deliver(url: string, secret: string, id: string, body: string): Promise<number> {
  const signature = new Webhook(secret).sign(id, new Date(), body);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': signature,
    },
    body,
  });
  return response.status;
}

/** How the page writes a duration. */
function duration(seconds: number): string {
  if (seconds < 3_600) return `${Math.round(seconds / 60)} min`;
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.round((seconds % 3_600) / 60);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

describe('the webhooks guide', () => {
  it('has GraphQL documents the schema accepts', () => {
    const schema = buildSchema(loadTypeDefs());
    const documents = blocks('graphql');
    expect(documents).toHaveLength(3);
    for (const text of documents) expect(validate(schema, parse(text))).toEqual([]);
  });

  it('quotes its TypeScript from the example receiver, word for word', () => {
    const source = readFileSync(RECEIVER, 'utf8');
    const quoted = blocks('ts');
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((text) => !source.includes(text))).toEqual([]);
  });

  it('lists the retry schedule the server follows at the default base delay', () => {
    // table rows whose first cell is a number, cells trimmed of prettier's padding
    const rows = PAGE.split('\n')
      .filter((line) => /^\| \d+ /.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim())
          .join(' | '),
      );
    const expected = ['1 | — (sent within seconds of the commit) | 0 | 0'];
    let earliest = 0;
    let latest = 0;
    for (let n = 1; n < attemptLimit(60); n += 1) {
      earliest += retryWaitSeconds(n, 60, 0);
      latest += retryWaitSeconds(n, 60, 1);
      const wait = `${duration(retryWaitSeconds(n, 60, 0))} – ${duration(retryWaitSeconds(n, 60, 1))}`;
      expect(wait).not.toContain('NaN');
      expect(expected.push(`${n + 1} | ${wait} | ${duration(earliest)} | ${duration(latest)}`)).toBe(n + 1);
    }
    expect(rows).toEqual(expected);
    expect(PAGE).toContain(`After ${attemptLimit(60)} attempts, spread over 24¼ to 48½ hours`);
  });

  it('shows the refusal of a URL that reaches the cloud metadata address', async () => {
    const refused = await checkSubscriptionInput({ url: 'https://169.254.169.254/', events: ['DONATION_RECORDED'] });
    expect(json(4)).toEqual({ data: { createWebhookSubscription: { __typename: 'UserError', ...refused } } });
  });

  it('runs the receiver with the command it shows', async () => {
    const secret = 'whsec_PzIIuqbzdxwBf7eEFZ3C2H9RLg7F/YRu';
    const port = await freePort();
    const command = blocks('sh')[0]!.trim();
    expect(command).toBe('WEBHOOK_SECRET=whsec_… PORT=8080 npx tsx docs/examples/typescript/webhook-receiver.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', RECEIVER], {
      cwd: ROOT,
      env: { ...process.env, WEBHOOK_SECRET: secret, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      expect((await lines.next()).value).toBe('receiving webhooks');
      const body = JSON.stringify(json(2));
      expect(await deliver(`http://127.0.0.1:${port}/`, secret, 'msg_1', body)).toBe(204);
      expect((await lines.next()).value).toBe(
        'DONATION_RECORDED RG9uYXRpb246M2MyNDAzYWYtNWQxNC00NTE3LWI4MWEtMDU5MmVmZjQ1Y2I0 v1',
      );
      expect(await deliver(`http://127.0.0.1:${port}/`, 'whsec_' + 'A'.repeat(32), 'msg_2', body)).toBe(400);
    } finally {
      child.kill();
    }
  });

  describe('against a server', () => {
    let t: TestServer;
    let key: TestKey;
    let receiverUrl: string;
    let receiver: http.Server;
    let subscription: { secret: string; subscription: { id: string } };
    const events: Array<{ event: GongyiEvent; webhookId: string }> = [];
    let failures = 3;

    beforeAll(async () => {
      t = await startTestServer({
        webhooks: { allowPrivateTargets: true, retryDelaySeconds: 1, timeoutSeconds: 2, dispatchIntervalMs: 100 },
      });
      key = await createTestKey(t.database.db, {
        name: '抚州市众益阅读推广基金会 grants',
        tier: 'PARTNER',
        organizationId: parseGlobalId(FOUNDATION_ID)!.id,
      });
      const port = await freePort();
      receiverUrl = `http://127.0.0.1:${port}/gongyi/webhooks`;
      const { input } = json(0);
      const subscribed = await t.query(document('Subscribe'), { input: { ...input, url: receiverUrl } }, key.headers);
      subscription = subscribed.body.data.createWebhookSubscription;
      const shown = json(1).data.createWebhookSubscription;
      expect(subscribed.body).toEqual({
        data: {
          createWebhookSubscription: {
            ...shown,
            secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
            subscription: { ...shown.subscription, id: expect.any(String), url: receiverUrl },
          },
        },
      });
      receiver = createWebhookReceiver({
        secret: subscription.secret,
        onEvent: (event, webhookId) => {
          if (failures > 0) {
            failures -= 1;
            throw new Error('the handler failed');
          }
          events.push({ event, webhookId });
        },
      });
      await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await t.close();
      await new Promise((resolve) => receiver.close(resolve));
    });

    it('delivers the grant’s event as the page shows it, on the 4th attempt after three failures', async () => {
      const recorded = await t.query(RECORD_GRANT, { input: GRANT }, key.headers);
      expect(recorded.body.data.recordDonation.__typename).toBe('RecordDonationSuccess');
      const deadline = Date.now() + 40_000;
      while (events.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(events).toHaveLength(1);
      const [{ event, webhookId }] = events as [{ event: GongyiEvent; webhookId: string }];
      const shown = json(2);
      expect(event).toEqual({
        ...shown,
        timestamp: event.data.committedAt,
        data: {
          ...shown.data,
          cursor: event.data.cursor,
          recordId: event.data.recordId,
          committedAt: event.data.committedAt,
        },
      });
      expect(parseGlobalId(webhookId)?.type).toBe('WebhookDelivery');

      // the 4th attempt's answer is recorded just after the receiver handled it
      let page: any;
      for (let i = 0; i < 50; i += 1) {
        page = (await t.query(document('Deliveries'), {}, key.headers)).body;
        if (page.data.webhookDeliveries.nodes[0]?.status === 'DELIVERED') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const output = json(3);
      output.data.webhookDeliveries.nodes[0].id = webhookId;
      expect(page).toEqual(output);
    }, 60_000);

    it('drops a repeat of a delivery it handled, and refuses one signed with another secret', async () => {
      const [{ event, webhookId }] = events as [{ event: GongyiEvent; webhookId: string }];
      const body = JSON.stringify(event);
      expect(await deliver(receiverUrl, subscription.secret, webhookId, body)).toBe(204);
      expect(events).toHaveLength(1);
      expect(await deliver(receiverUrl, 'whsec_' + 'A'.repeat(32), 'another', body)).toBe(400);
      expect(events).toHaveLength(1);
    });

    it('stops the subscription with the mutation it shows', async () => {
      const { body } = await t.query(document('Unsubscribe'), { id: subscription.subscription.id }, key.headers);
      expect(body).toEqual({
        data: {
          deleteWebhookSubscription: {
            __typename: 'DeleteWebhookSubscriptionSuccess',
            subscription: { deletedAt: expect.any(String) },
          },
        },
      });
    });
  });
});
