import pino from 'pino';
import { loadConfig } from '../../src/config';
import type { QueryLimits } from '../../src/query-limits';
import { createServer, type Server } from '../../src/server';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './database';

export interface GraphQLResponse<T = any> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }> };
}

export interface TestServer extends TestDatabase {
  server: Server;
  /** http://127.0.0.1:port of the listening server */
  origin: string;
  /** POSTs a document to /graphql over loopback HTTP. */
  query: <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
  /** SQL statements the database has received since it was opened. */
  statements: () => number;
  close: () => Promise<void>;
}

export async function startTestServer(
  options: TestDatabaseOptions & { readinessGraceMs?: number; queryLimits?: Partial<QueryLimits> } = {},
): Promise<TestServer> {
  const db = await createTestDatabase(options);
  const server = await createServer({
    database: db.database,
    logger: pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }),
    bodyLimitBytes: 100_000,
    readinessGraceMs: options.readinessGraceMs,
    queryLimits: { ...loadConfig({}).queryLimits, ...options.queryLimits },
  });
  const origin = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    ...db,
    server,
    origin,
    statements: db.database.statementCount,
    query: async (query, variables) => {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
    },
    close: async () => {
      await server.drain();
      await db.drop();
    },
  };
}
