import { z } from 'zod';
import type { QueryLimits } from './query-limits';

const schema = z.object({
  /** PostgreSQL server; without it the embedded PGlite under DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .url()
    .refine((u) => /^postgres(ql)?:/.test(u), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** connections in the postgres.js pool */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** a query (waiting for a pooled connection included) that takes longer is cancelled */
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  /** load the demo dataset at start: default on for the embedded database, off for a server */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /** request bodies above this many bytes are answered 413 */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(100_000),
  /** after SIGTERM, how long /readyz answers 503 before the listener closes */
  READINESS_GRACE_MS: z.coerce.number().int().min(0).default(0),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(15),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).default(10_000),
  MAX_QUERY_NODES: z.coerce.number().int().min(1).default(50_000),
  /** how long SIGTERM waits for requests in flight before closing anyway */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Config = Readonly<{
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  dbPoolMax: number;
  dbQueryTimeoutMs: number;
  seedDemo: boolean;
  bodyLimitBytes: number;
  readinessGraceMs: number;
  shutdownGraceMs: number;
  queryLimits: QueryLimits;
}>;

export class ConfigError extends Error {}

/** Parses the environment once; a bad value names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dbPoolMax: e.DB_POOL_MAX,
    dbQueryTimeoutMs: e.DB_QUERY_TIMEOUT_MS,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : e.DATABASE_URL === undefined,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    readinessGraceMs: e.READINESS_GRACE_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    queryLimits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxDirectives: e.MAX_QUERY_DIRECTIVES,
      maxTokens: e.MAX_QUERY_TOKENS,
      maxNodes: e.MAX_QUERY_NODES,
    },
  };
}
