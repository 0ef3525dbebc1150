import { z } from 'zod';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { ReplicaOptions } from './db/replicas';
import type { JobQueueOptions } from './jobs/queue';
import type { QueryLimits } from './query-limits';
import type { AccessOptions } from './modules/access/options';
import type { WebhookOptions } from './modules/webhooks/options';
import { MIN_RETRY_DELAY_SECONDS } from './modules/webhooks/retry-schedule';
import { DEFAULT_TIER_BUDGETS } from './modules/access/tiers';
import { DEFAULT_METRICS_OPTIONS, type MetricsOptions } from './observability/options';

/** An address, a CIDR range, or one of proxy-addr's names for the private ranges. */
const proxyEntry = (entry: string) =>
  ['loopback', 'linklocal', 'uniquelocal'].includes(entry) ||
  (isIP(entry.split('/')[0]!) !== 0 && /^[^/]+(\/\d{1,3})?$/.test(entry));
const points = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const schema = z.object({
  /** PostgreSQL server; without it the embedded PGlite under DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .url()
    .refine((u) => /^postgres(ql)?:/.test(u), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** comma-separated streaming replicas of DATABASE_URL that answer queries (docs/read-replicas.md) */
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((u) => /^postgres(ql)?:\/\/./.test(u) && URL.canParse(u)),
      'must be comma-separated postgres:// or postgresql:// URLs',
    )
    .optional(),
  /** a replica further behind the primary than this is taken out until it catches up */
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(1).default(5_000),
  /** how often the replicas' positions and health are checked */
  REPLICA_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).default(1_000),
  DATA_DIR: z.string().min(1).default('./data'),
  /** where export files are written (default DATA_DIR/exports); instances over one database must share it */
  EXPORT_DIR: z.string().min(1).optional(),
  /** where uploaded imports wait for the worker (default DATA_DIR/imports); instances over one database must share it */
  IMPORT_DIR: z.string().min(1).optional(),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** connections in the postgres.js pool */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** a query (waiting for a pooled connection included) that takes longer fails; the server's statement_timeout */
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  /** hot statement texts prepared per connection lifetime (ten minutes); the rest are sent unnamed */
  DB_PREPARED_STATEMENTS: z.coerce.number().int().min(0).default(100),
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
  /** hourly budgets in points (API.md "Access") */
  RATE_LIMIT_ANONYMOUS: points(DEFAULT_TIER_BUDGETS.ANONYMOUS),
  RATE_LIMIT_DEVELOPER: points(DEFAULT_TIER_BUDGETS.DEVELOPER),
  RATE_LIMIT_PARTNER: points(DEFAULT_TIER_BUDGETS.PARTNER),
  RATE_LIMIT_INTERNAL: points(DEFAULT_TIER_BUDGETS.INTERNAL),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3_600),
  /** budgets shared by every instance; without it each instance keeps its own */
  REDIS_URL: z
    .string()
    .url()
    .refine((u) => /^rediss?:/.test(u), 'must be a redis:// or rediss:// URL')
    .optional(),
  /** comma-separated addresses or CIDR ranges whose X-Forwarded-For is believed; none by default */
  TRUSTED_PROXIES: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(proxyEntry), 'must be comma-separated IP addresses or CIDR ranges')
    .optional(),
  /** refused API keys per client address and window before its requests with a key get 429 */
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(60),
  AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
  /** how often an idle job worker (exports, imports, webhook deliveries) looks for work */
  JOB_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).default(2),
  /** how often the job queue fails jobs whose worker died and archives finished ones */
  JOB_MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** false: this instance queues jobs but runs none (the others, or dedicated worker instances, do) */
  JOB_WORKERS: z.enum(['true', 'false']).default('true'),
  /** webhooks may go to private, loopback and link-local addresses, and plain http to loopback: for tests only */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false']).default('false'),
  /** seconds; a failed delivery waits about this, doubling per attempt, retried for at least 24 hours */
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(MIN_RETRY_DELAY_SECONDS).default(60),
  /** seconds a delivery attempt may take, name resolution and answer included */
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  /** how often, in milliseconds, each instance looks at the change feed for events to deliver */
  WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(50).default(1_000),
  /** how often API keys' last use is written */
  KEY_LAST_USE_FLUSH_MS: z.coerce.number().int().min(100).default(60_000),
  /** false: no /metrics */
  METRICS_ENABLED: z.enum(['true', 'false']).default('true'),
  /** when set, /metrics needs `Authorization: Bearer <token>` */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** distinct operation names counted on their own in /metrics; later ones as (other) */
  METRICS_OPERATION_NAMES: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_METRICS_OPTIONS.operationNames),
});

export type Config = Readonly<{
  databaseUrl: string | undefined;
  replicas: Omit<ReplicaOptions, 'redisUrl'>;
  dataDir: string;
  exportDir: string;
  importDir: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  dbPoolMax: number;
  dbQueryTimeoutMs: number;
  dbPreparedStatements: number;
  seedDemo: boolean;
  bodyLimitBytes: number;
  readinessGraceMs: number;
  shutdownGraceMs: number;
  queryLimits: QueryLimits;
  access: AccessOptions;
  jobs: JobQueueOptions;
  webhooks: WebhookOptions;
  metrics: MetricsOptions;
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
  if (e.DATABASE_REPLICA_URLS?.length && !e.DATABASE_URL) {
    throw new ConfigError(
      'invalid configuration:\n  DATABASE_REPLICA_URLS: needs DATABASE_URL, the primary they replicate',
    );
  }
  return {
    databaseUrl: e.DATABASE_URL,
    replicas: {
      urls: e.DATABASE_REPLICA_URLS ?? [],
      maxLagMs: e.REPLICA_MAX_LAG_MS,
      checkIntervalMs: e.REPLICA_CHECK_INTERVAL_MS,
    },
    dataDir: e.DATA_DIR,
    exportDir: e.EXPORT_DIR ?? join(e.DATA_DIR, 'exports'),
    importDir: e.IMPORT_DIR ?? join(e.DATA_DIR, 'imports'),
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dbPoolMax: e.DB_POOL_MAX,
    dbQueryTimeoutMs: e.DB_QUERY_TIMEOUT_MS,
    dbPreparedStatements: e.DB_PREPARED_STATEMENTS,
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
    access: {
      tierBudgets: {
        ANONYMOUS: e.RATE_LIMIT_ANONYMOUS,
        DEVELOPER: e.RATE_LIMIT_DEVELOPER,
        PARTNER: e.RATE_LIMIT_PARTNER,
        INTERNAL: e.RATE_LIMIT_INTERNAL,
      },
      windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000,
      redisUrl: e.REDIS_URL,
      trustedProxies: e.TRUSTED_PROXIES ?? [],
      authFailureLimit: e.AUTH_FAILURE_LIMIT,
      authFailureWindowMs: e.AUTH_FAILURE_WINDOW_SECONDS * 1000,
      lastUseFlushMs: e.KEY_LAST_USE_FLUSH_MS,
    },
    jobs: {
      pollingIntervalSeconds: e.JOB_POLL_INTERVAL_SECONDS,
      maintenanceIntervalSeconds: e.JOB_MAINTENANCE_INTERVAL_SECONDS,
      work: e.JOB_WORKERS === 'true',
    },
    webhooks: {
      allowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
      retryDelaySeconds: e.WEBHOOK_RETRY_DELAY_SECONDS,
      timeoutSeconds: e.WEBHOOK_TIMEOUT_SECONDS,
      dispatchIntervalMs: e.WEBHOOK_DISPATCH_INTERVAL_MS,
    },
    metrics: {
      enabled: e.METRICS_ENABLED === 'true',
      token: e.METRICS_TOKEN,
      operationNames: e.METRICS_OPERATION_NAMES,
    },
  };
}
