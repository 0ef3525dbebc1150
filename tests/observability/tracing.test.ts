import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { describeOnServer } from '../support/needs-server';

const ROOT = path.join(__dirname, '..', '..');

interface Span {
  traceId: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: { stringValue?: string } }>;
}

/** A tiny OTLP/HTTP receiver: keeps every span POSTed to /v1/traces as JSON. */
async function otlpReceiver(): Promise<{ server: Server; endpoint: string; spans: Span[] }> {
  const spans: Span[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: Array<{ scopeSpans: Array<{ spans: Span[] }> }>;
      };
      for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

/** The real server (src/main.ts) with tracing on, as a child process; resolves once it serves. */
function startTraced(url: string, endpoint: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      JOB_WORKERS: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; address?: string };
      if (entry.msg === 'gongyi-graph is serving') {
        resolve({ child, origin: entry.address!.replace(/\/graphql$/, '') });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before serving`)));
  });
}

const attribute = (span: Span, key: string) => span.attributes?.find((a) => a.key === key)?.value.stringValue;

describeOnServer('OpenTelemetry traces', 'database spans come from the postgres.js client', () => {
  let db: TestDatabase;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let served: { child: ChildProcess; origin: string };
  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
    receiver = await otlpReceiver();
    served = await startTraced(db.url!, receiver.endpoint);
  });
  afterAll(async () => {
    const exited = new Promise((resolve) => served.child.on('exit', resolve));
    served.child.kill('SIGTERM');
    await exited;
    receiver.server.close();
    await db.drop();
  });

  it('reach an OTLP endpoint for a GraphQL request: its HTTP span, GraphQL spans and a database span in one trace', async () => {
    const response = await fetch(`${served.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Orgs { organizations(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    const SERVER = 2;
    let request: Span | undefined;
    for (let i = 0; i < 100 && !request; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      request = receiver.spans.find((s) => s.kind === SERVER && attribute(s, 'url.path') === '/graphql');
    }
    expect(request).toBeDefined();
    // the request's own spans arrive in the same batch or the next
    await new Promise((resolve) => setTimeout(resolve, 500));
    const trace = receiver.spans.filter((s) => s.traceId === request!.traceId);
    expect(trace.map((s) => s.name)).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate']));
    const statements = trace.filter((s) => attribute(s, 'db.system.name') === 'postgresql');
    expect(statements.length).toBeGreaterThan(0);
    // the text of a statement, never its parameters
    expect(attribute(statements[0]!, 'db.query.text')).toMatch(/^select/i);
  });
});
