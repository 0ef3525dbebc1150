/** One HTTP exchange over node:http with keep-alive, reporting transport failures by their code. */
import http from 'node:http';

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** path and query string, such as `/graphql?query=...` */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type HttpResult =
  | { kind: 'reply'; status: number; text: string; started: number; ms: number }
  /** the exchange failed below HTTP: ECONNRESET (socket hang up included), ECONNREFUSED, EPIPE, CLIENT_TIMEOUT... */
  | { kind: 'failure'; code: string; message: string; started: number; ms: number };

export interface Target {
  port: number;
  agent: http.Agent;
}

/** A keep-alive agent with `sockets` connections at most. */
export function keepAliveAgent(sockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/** A GraphQL POST with a JSON body. */
export function graphqlPost(body: unknown, headers: Record<string, string> = {}): HttpRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** Sends `request` to 127.0.0.1; never rejects. A reply slower than `timeoutMs` is a CLIENT_TIMEOUT failure. */
export function send(target: Target, request: HttpRequest, timeoutMs = 15_000): Promise<HttpResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: HttpResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (error: NodeJS.ErrnoException) =>
      settle({
        kind: 'failure',
        code: error.code ?? 'UNKNOWN',
        message: error.message,
        started,
        ms: Date.now() - started,
      });
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: request.method,
        path: request.path,
        agent: target.agent,
        headers: { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', fail);
        incoming.on('aborted', () => fail(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
        incoming.on('end', () =>
          settle({
            kind: 'reply',
            status: incoming.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            started,
            ms: Date.now() - started,
          }),
        );
      },
    );
    const timer = setTimeout(() => {
      fail(Object.assign(new Error(`no reply within ${timeoutMs} ms`), { code: 'CLIENT_TIMEOUT' }));
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}
