import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got: its Standard Webhooks headers, raw body, and what it answered. */
export interface Received {
  headers: Record<string, string>;
  body: string;
  /** the status answered; null while held or when the sender went away first */
  answered: number | null;
}

/** What the receiver answers the nth request (1 for the first): a status, or 'hold' to never answer. */
export type Answer = (n: number) => number | 'hold';

export interface Receiver {
  /** http://127.0.0.1:port/hook */
  url: string;
  received: Received[];
  /** changes how later requests are answered */
  answer: (answer: Answer) => void;
  /** resolves once `predicate` holds of what was received, checking every 50 ms; rejects after `ms` */
  until: (predicate: (received: Received[]) => boolean, ms?: number) => Promise<void>;
  close: () => Promise<void>;
}

/** A webhook receiver on loopback that records every request and answers as told. */
export async function startReceiver(answer: Answer = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  let current = answer;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        headers: {
          'webhook-id': String(request.headers['webhook-id']),
          'webhook-timestamp': String(request.headers['webhook-timestamp']),
          'webhook-signature': String(request.headers['webhook-signature']),
        },
        body: Buffer.concat(chunks).toString('utf8'),
        answered: null,
      };
      received.push(entry);
      const status = current(received.length);
      if (status === 'hold') return;
      entry.answered = status;
      // a redirect points at the cloud metadata address, where a sender that followed it would leak
      const location = status >= 300 && status < 400 ? { location: 'http://169.254.169.254/latest/meta-data/' } : {};
      response
        .writeHead(status, { 'content-type': 'text/plain', ...location })
        .end(status < 300 ? 'ok' : 'receiver down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answer: (next) => {
      current = next;
    },
    until: async (predicate, ms = 60_000) => {
      const deadline = Date.now() + ms;
      while (!predicate(received)) {
        if (Date.now() > deadline)
          throw new Error(`receiver: condition not met within ${ms} ms (${received.length} received)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
