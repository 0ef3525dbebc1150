import { sql } from 'drizzle-orm';
import { Agent, request } from 'node:http';
import { startTestServer, type TestServer } from './support/server';

const INDICATORS = '{ governanceIndicators { code } }';

describe('the HTTP server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false });
  });
  afterAll(() => t.close());

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${t.origin}/graphql`, { method: 'POST', headers, body });

  it('answers a query over GET when the client sends a preflight header', async () => {
    const response = await fetch(`${t.origin}/graphql?query=${encodeURIComponent(INDICATORS)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.governanceIndicators.length).toBeGreaterThan(10);
  });

  it('lets a page on any origin call it from a browser, and read the rate-limit headers', async () => {
    const preflight = await fetch(`${t.origin}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(preflight.headers.get('access-control-max-age')).toBe('86400');

    const response = await post(JSON.stringify({ query: INDICATORS }), {
      'content-type': 'application/json',
      origin: 'https://app.example.org',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/x-ratelimit-remaining/);
  });

  it('answers 405 to a mutation over GET, and runs nothing', async () => {
    const before = t.statements();
    const mutation = 'mutation { revokeApiKey(input: { id: "x" }) { __typename } }';
    const response = await fetch(`${t.origin}/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(t.statements()).toBe(before);
  });

  it('refuses a GET without a preflight header, which a cross-site page could forge', async () => {
    const response = await fetch(`${t.origin}/graphql?query=${encodeURIComponent(INDICATORS)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a simple-content-type POST for the same reason', async () => {
    const response = await post(JSON.stringify({ query: INDICATORS }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
  });

  it('refuses a batched JSON array', async () => {
    const response = await post(JSON.stringify([{ query: INDICATORS }, { query: INDICATORS }]));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batch/i);
  });

  it('answers 413 to a body over the limit', async () => {
    const response = await post(JSON.stringify({ query: INDICATORS, variables: { padding: 'x'.repeat(200_000) } }));
    expect(response.status).toBe(413);
  });

  it('answers a malformed document with GRAPHQL_PARSE_FAILED and an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const parse = (await (await post(JSON.stringify({ query: '{ organizations {' }))).json()) as any;
    expect(parse.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const validation = (await (await post(JSON.stringify({ query: '{ nope }' }))).json()) as any;
    expect(validation.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves its schema as SDL at /schema.graphql, every domain included', async () => {
    const response = await fetch(`${t.origin}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const sdl = await response.text();
    for (const type of ['Organization', 'Project', 'Donation', 'TrainingSession', 'GovernanceMetric']) {
      expect(sdl).toContain(`type ${type} implements Node`);
    }
  });

  it('is alive and ready while the database answers', async () => {
    expect(await (await fetch(`${t.origin}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.origin}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});

describe('shutting down', () => {
  it('answers 503 on /readyz and new requests, finishes the request in flight, then closes', async () => {
    // no job workers: their polling would take turns on the one connection
    const t = await startTestServer({ seed: false, poolMax: 1, readinessGraceMs: 100, jobs: { work: false } });
    // the database's one connection is busy for 0.5 s, so the request below is in flight meanwhile
    const busy = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_sleep(0.5)`);
    });
    const inFlight = fetch(`${t.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: INDICATORS }),
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const drained = t.server.drain();
    expect((await fetch(`${t.origin}/readyz`)).status).toBe(503);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.governanceIndicators.length).toBeGreaterThan(10);
    await Promise.all([drained, busy]);
    await expect(fetch(`${t.origin}/healthz`)).rejects.toThrow();
    await t.drop();
  });

  it('closes keep-alive connections under load without resetting one', async () => {
    const t = await startTestServer({ seed: false });
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const outcomes = { answered: 0, refused: 0, reset: [] as string[] };
    /** one POST on the agent's kept-alive connections; resolves with the error code, if any */
    const ask = () =>
      new Promise<string | undefined>((resolve) => {
        const req = request(`${t.origin}/graphql`, {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        });
        req.on('response', (response) => {
          response.resume();
          response.on('end', () => resolve(undefined));
        });
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        req.end(JSON.stringify({ query: INDICATORS }));
      });
    const answeredBy = new Array<number>(16).fill(0);
    const client = async (_: unknown, index: number) => {
      for (let n = 0; n < 10_000; n += 1) {
        const code = await ask();
        if (code === undefined) {
          outcomes.answered += 1;
          answeredBy[index]! += 1;
        } else if (code === 'ECONNREFUSED') return void (outcomes.refused += 1);
        else return void outcomes.reset.push(code);
      }
    };
    const clients = Array.from({ length: 16 }, client);
    // every client has been answered at least twice, so each holds a kept-alive connection (none
    // is still in the listen queue, which closing the listener resets: on the embedded engine,
    // whose queries hold the event loop, a client may wait there while others are answered)
    while (answeredBy.some((n) => n < 2)) await new Promise((resolve) => setTimeout(resolve, 20));
    await t.server.drain();
    await Promise.all(clients);
    agent.destroy();
    await t.drop();
    expect(outcomes.reset).toEqual([]);
    expect(outcomes.refused).toBe(16);
  });
});
