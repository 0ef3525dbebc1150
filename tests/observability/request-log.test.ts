import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { startTestServer, type TestServer } from '../support/server';

/** A logger at `info` whose lines the test reads back, parsed. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** Waits for `count` lines of `msg` (a request's line is written once its response has gone). */
async function linesOf(lines: Array<Record<string, unknown>>, msg: string, count: number) {
  for (let i = 0; i < 100 && lines.filter((l) => l['msg'] === msg).length < count; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return lines.filter((l) => l['msg'] === msg);
}

describe('request logs', () => {
  const { logger, lines } = capturedLogger();
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false, logger });
  });
  afterAll(() => t.close());
  beforeEach(() => void lines.splice(0));

  it('are one line per request at info, with the operation, its cost, status and duration', async () => {
    await t.query('query Orgs($first: Int) { organizations(first: $first) { totalCount } }', { first: 3 });
    await fetch(`${t.origin}/healthz`);
    const [graphql, health, ...more] = await linesOf(lines, 'request', 2);
    expect(more).toEqual([]);
    expect(graphql).toMatchObject({
      level: 30,
      method: 'POST',
      route: '/graphql',
      status: 200,
      operation: 'Orgs',
      path: expect.stringMatching(/^(compiled|resolvers)$/),
      cost: 1,
      ms: expect.any(Number),
    });
    expect(health).toMatchObject({ level: 30, method: 'GET', route: '/healthz', status: 200 });
    // Fastify's own "incoming request" and "request completed" lines are gone
    expect(lines.map((l) => l['msg'])).toEqual(['request', 'request']);
  });

  it("never carry a GET request's query string, where its variables are", async () => {
    const query = encodeURIComponent('query Orgs($s: String) { organizations(filter: {search: $s}) { totalCount } }');
    const variables = encodeURIComponent(JSON.stringify({ s: 'secret-search-term' }));
    await fetch(`${t.origin}/graphql?query=${query}&variables=${variables}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    const [line] = await linesOf(lines, 'request', 1);
    expect(line).toMatchObject({ route: '/graphql', operation: 'Orgs', status: 200 });
    expect(JSON.stringify(lines)).not.toContain('secret-search-term');
  });

  it("report a refused request's error code", async () => {
    const response = await fetch(`${t.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-key' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
    const [line] = await linesOf(lines, 'request', 1);
    expect(line).toMatchObject({ status: 401, operation: '(unresolved)', path: 'none', code: 'UNAUTHENTICATED' });
  });

  it("log a failed statement's text but never its parameters", async () => {
    const failure = await t.database.db
      .execute(sql`select ${'secret-parameter-value'}::text from no_such_table`)
      .catch((error: unknown) => error);
    // the server's logger, as every module and Fastify use it
    t.server.app.log.error({ err: failure }, 'a statement failed');
    const [line] = await linesOf(lines, 'a statement failed', 1);
    expect(JSON.stringify(line)).toContain('no_such_table');
    expect(JSON.stringify(line)).not.toContain('secret-parameter-value');
  });
});
