/**
 * A webhook receiver: verifies each delivery's Standard Webhooks signature over the raw body,
 * drops a delivery it has already handled (same `webhook-id`), and answers 204 quickly. The
 * guide is docs/webhooks.md.
 *
 *     WEBHOOK_SECRET=whsec_… PORT=8080 npx tsx docs/examples/typescript/webhook-receiver.ts
 */
import http from 'node:http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** What every delivery's body holds: the event, when its change committed, and the change. */
export interface GongyiEvent {
  type: 'DONATION_RECORDED' | 'DONATION_DELIVERED' | 'DONATION_VERIFIED' | 'PROJECT_REPORTED' | 'TRAINING_RECORDED';
  timestamp: string;
  data: {
    /** pass to `changes(since:)` to read on from this change */
    cursor: string;
    entity: 'DONATION' | 'PROJECT_REPORT' | 'TRAINING_SESSION';
    action: string;
    /** the record's global ID: `node(id:)` reads it */
    recordId: string;
    version: number;
    committedAt: string;
    /** the fields this change set, each a string as the API shows it, or null */
    fields: Record<string, string | null>;
    /** their values before the change; null at creation */
    previous: Record<string, string | null> | null;
    reason: string | null;
  };
}

export interface ReceiverOptions {
  /** the `secret` createWebhookSubscription returned */
  secret: string;
  /** handles one event; throw to have it sent again later */
  onEvent: (event: GongyiEvent, webhookId: string) => Promise<void> | void;
}

/** Reads a request's body as the exact bytes sent: the signature covers them, not a re-serialized JSON. */
async function rawBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function createWebhookReceiver({ secret, onEvent }: ReceiverOptions): http.Server {
  const webhook = new Webhook(secret);
  // webhook-ids already handled; keep them in your database, written with the event's effects
  const handled = new Set<string>();
  return http.createServer(async (request, response) => {
    if (request.method !== 'POST') return response.writeHead(405).end();
    const body = await rawBody(request);
    let event: GongyiEvent;
    try {
      // checks the signature and that webhook-timestamp is within 5 minutes (replays are refused)
      event = webhook.verify(body, request.headers as Record<string, string>) as GongyiEvent;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      return response.writeHead(400, { 'content-type': 'text/plain' }).end(error.message);
    }
    const webhookId = request.headers['webhook-id'] as string;
    if (!handled.has(webhookId)) {
      try {
        await onEvent(event, webhookId);
      } catch {
        // anything but 2xx: the delivery is tried again later
        return response.writeHead(500).end();
      }
      handled.add(webhookId);
    }
    response.writeHead(204).end();
  });
}

if (require.main === module) {
  const secret = process.env['WEBHOOK_SECRET'];
  if (!secret) throw new Error('set WEBHOOK_SECRET to the secret createWebhookSubscription returned');
  const server = createWebhookReceiver({
    secret,
    onEvent: (event) => console.log(`${event.type} ${event.data.recordId} v${event.data.version}`),
  });
  server.listen(Number(process.env['PORT'] ?? 8080), () => console.log('receiving webhooks'));
}
