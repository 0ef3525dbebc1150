import pino, { type Logger } from 'pino';
import { loadConfig } from '../../src/config';
import type { ReadRouting } from '../../src/db/replicas';
import type { AccessOptions } from '../../src/modules/access/options';
import type { JobQueueOptions } from '../../src/jobs/queue';
import type { MetricsOptions } from '../../src/observability/options';
import type { WebhookOptions } from '../../src/modules/webhooks/options';
import type { QueryLimits } from '../../src/query-limits';
import { createServer, type Server } from '../../src/server';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './database';

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  /** `extensions.cost` of the body, taken out so tests can assert the rest of it whole */
  cost?: { requested: number; limit: number; remaining: number; resetAt: string };
  body: {
    data?: T;
    errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
    extensions?: Record<string, unknown>;
  };
}

export interface TestServer extends TestDatabase {
  server: Server;
  /** http://127.0.0.1:port of the listening server */
  origin: string;
  /** POSTs a document to /graphql over loopback HTTP, with any extra headers (`authorization`, say). */
  query: <T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => Promise<GraphQLResponse<T>>;
  /** SQL statements the database has received since it was opened. */
  statements: () => number;
  close: () => Promise<void>;
}

export interface TestServerOptions {
  readinessGraceMs?: number;
  queryLimits?: Partial<QueryLimits>;
  access?: Partial<AccessOptions>;
  /** webhook settings over the defaults (WEBHOOK_* unset); without them the server neither dispatches nor delivers webhooks */
  webhooks?: Partial<WebhookOptions>;
  /** job queue settings over the tests' (polling every 0.5 s) */
  jobs?: Partial<JobQueueOptions>;
  /** where export files go; the system's temporary folder's `gongyi-graph-exports` unless given */
  exportDir?: string;
  /** where the server logs; silent unless TEST_LOG_LEVEL says otherwise */
  logger?: Logger;
  /**
   * false: resolvers answer every query, none is compiled to one SQL statement. Unset, the
   * environment decides: `COMPILED_READS=false` runs every suite that leaves it unset on the
   * resolvers alone (jest.config.js runs the HTTP suites a second time so).
   */
  compiledReads?: boolean;
  /** where queries read (replicas, read your writes); the test database alone unless given */
  reads?: ReadRouting;
  /** how /metrics is served; open unless given */
  metrics?: MetricsOptions;
}

/** A server of this test's own over a database of its own; closing it drops the database. */
export async function startTestServer(options: TestDatabaseOptions & TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase(options);
  try {
    const served = await serveTestDatabase(db, options);
    return {
      ...served,
      close: async () => {
        await served.close();
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/** A server over a test database another server may share; closing it leaves the database. */
export async function serveTestDatabase(db: TestDatabase, options: TestServerOptions = {}): Promise<TestServer> {
  const server = await createServer({
    database: db.database,
    logger: options.logger ?? pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }),
    bodyLimitBytes: 100_000,
    readinessGraceMs: options.readinessGraceMs,
    queryLimits: { ...loadConfig({}).queryLimits, ...options.queryLimits },
    access: { ...loadConfig({}).access, ...options.access },
    jobs: { ...loadConfig({}).jobs, pollingIntervalSeconds: 0.5, ...options.jobs },
    webhooks: options.webhooks && { ...loadConfig({}).webhooks, ...options.webhooks },
    compiledReads: options.compiledReads ?? process.env['COMPILED_READS'] !== 'false',
    exportDir: options.exportDir,
    reads: options.reads,
    metrics: options.metrics,
  });
  const origin = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    ...db,
    server,
    origin,
    statements: db.database.statementCount,
    query: async (query, variables, headers) => {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse['body'];
      const { cost, ...extensions } = body.extensions ?? {};
      if (body.extensions) {
        if (Object.keys(extensions).length > 0) body.extensions = extensions;
        else delete body.extensions;
      }
      return { status: response.status, headers: response.headers, body, cost: cost as GraphQLResponse['cost'] };
    },
    close: () => server.drain(),
  };
}
