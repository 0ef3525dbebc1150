import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { rows } from '../../../src/db/client';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { describeOnServer } from '../../support/needs-server';
import { createWriters, type Writers } from '../../support/writers';
import { startReceiver, type Receiver } from './receiver';

const MAIN = path.join(__dirname, '..', '..', '..', 'src', 'main.ts');

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

/** The real server (src/main.ts) over `url`, as a child process; resolves with it and its origin once it serves. */
async function startServer(url: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_RETRY_DELAY_SECONDS: '1',
      // an attempt the receiver holds is still in flight 5 s later, when the server is killed
      WEBHOOK_TIMEOUT_SECONDS: '5',
      WEBHOOK_DISPATCH_INTERVAL_MS: '100',
      JOB_POLL_INTERVAL_SECONDS: '0.5',
      JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before serving`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; address?: string };
      if (entry.msg === 'gongyi-graph is serving') resolve(entry.address!.replace(/\/graphql$/, ''));
    });
  });
  return { child, origin };
}

async function post(origin: string, query: string, variables: object, headers: Record<string, string>) {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any };
}

describeOnServer(
  'webhook deliveries across a SIGKILL',
  'it runs the real server as a child process over a server database',
  () => {
    let db: TestDatabase;
    let w: Writers;
    let receiver: Receiver;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      db = await createTestDatabase();
      w = await createWriters(db.database.db);
      receiver = await startReceiver(() => 'hold');
    });
    afterAll(async () => {
      for (const child of children) child.kill('SIGKILL');
      await receiver.close();
      await db.drop();
    });

    it('a server killed while deliveries are pending delivers them after it restarts, each once', async () => {
      const first = await startServer(db.url!);
      children.push(first.child);
      const { data } = await post(
        first.origin,
        SUBSCRIBE,
        { input: { url: receiver.url, events: ['DONATION_RECORDED'] } },
        w.foundation.key.headers,
      );
      const secret: string = data.createWebhookSubscription.secret;
      for (const total of ['10', '20', '30']) {
        const recorded = await post(
          first.origin,
          RECORD_DONATION,
          {
            input: {
              donorId: w.foundation.id,
              recipientId: w.grantee.id,
              purpose: 'HEALTH',
              pledgedOn: '2026-05-01',
              total,
            },
          },
          w.foundation.key.headers,
        );
        expect(recorded.data.recordDonation.__typename).toBe('RecordDonationSuccess');
      }

      // attempts are in flight, held by the receiver: kill the server there
      await receiver.until((r) => r.length >= 1);
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      const pending = await rows<{ status: string; n: number }>(
        db.database.db,
        sql`select status, count(*)::int as n from webhook_deliveries group by status`,
      );
      // nothing delivered yet; a change not yet dispatched has no delivery at all
      expect(pending.map((p) => p.status)).toEqual(['PENDING']);
      const heldBeforeKill = receiver.received.length;
      expect(receiver.received.every((r) => r.answered === null)).toBe(true);

      receiver.answer(() => 200);
      const second = await startServer(db.url!);
      children.push(second.child);
      await receiver.until(
        (r) => new Set(r.filter((x) => x.answered === 200).map((x) => x.headers['webhook-id'])).size === 3,
      );
      // time for any stray second delivery to show
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));

      const answered = receiver.received.filter((r) => r.answered === 200);
      expect(answered).toHaveLength(3);
      expect(new Set(answered.map((r) => r.headers['webhook-id'])).size).toBe(3);
      const webhook = new Webhook(secret);
      const totals = answered.map((r) => (webhook.verify(r.body, r.headers) as any).data.fields.total).sort();
      expect(totals).toEqual(['10.00', '20.00', '30.00']);
      expect(heldBeforeKill).toBeGreaterThanOrEqual(1);

      const delivered = await rows<{ status: string; attempts: number }>(
        db.database.db,
        sql`select d.status, (select count(*)::int from webhook_attempts a where a.delivery_id = d.id) as attempts
            from webhook_deliveries d order by d.created_at`,
      );
      // the attempt cut short by the kill left no record: each delivery's one recorded attempt answered 200
      expect(delivered).toEqual([
        { status: 'DELIVERED', attempts: 1 },
        { status: 'DELIVERED', attempts: 1 },
        { status: 'DELIVERED', attempts: 1 },
      ]);
    }, 120_000);
  },
);
