import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyRequest, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { connectionDrain } from './connection-drain';
import { createContext, type Context } from './context';
import type { Database } from './db/client';
import { readYourWritesPlugin } from './db/read-your-writes';
import type { ReadRouting } from './db/replicas';
import { isDatabaseUnavailable } from './db/unavailable';
import { openJobQueue, type JobQueue, type JobQueueOptions } from './jobs/queue';
import { CLIENT_SAFE_CODES, UnauthenticatedError } from './errors';
import { AuthFailureLimit, TooManyAuthFailuresError } from './modules/access/auth-failures';
import { authenticate } from './modules/access/authenticate';
import { MemoryBudgetStore, type BudgetStore } from './modules/access/budgets';
import { costPlugin, rateLimitHeaders } from './modules/access/cost-plugin';
import { LastUseRecorder } from './modules/access/last-use';
import type { AccessOptions } from './modules/access/options';
import { RedisBudgetStore } from './modules/access/redis-budgets';
import { callerOf } from './modules/access/tiers';
import { compiledReadsPlugin } from './modules/compiled-reads/plugin';
import { withSdlScalarDescriptions } from './modules/scalars/sdl-descriptions';
import { spliceData } from './modules/compiled-reads/raw-data';
import { registerDashboard } from './modules/dashboard/routes';
import { registerExplorer } from './modules/explorer/routes';
import { registerImportRoutes } from './modules/imports/routes';
import { registerExportRoutes } from './modules/exports/routes';
import { DEFAULT_EXPORT_DIR } from './modules/exports/run';
import { startExportWorker } from './modules/exports/worker';
import { DEFAULT_IMPORT_DIR } from './modules/imports/uploads';
import { startImportWorker } from './modules/imports/worker';
import { deleteExpiredIdempotencyKeys } from './modules/mutations/idempotency';
import { writesPlugin } from './modules/mutations/plugin';
import { RegionDirectory } from './modules/regions/directory';
import { DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from './modules/webhooks/options';
import { startWebhooks } from './modules/webhooks/runner';
import { resolvers } from './resolvers';
import { queryLimits, type QueryLimits } from './query-limits';
import { requestChecksPlugin } from './request-checks';
import { MeasuredDocumentStore } from './observability/document-store';
import { withoutSqlParameters } from './observability/logger';
import { Metrics, type PoolUsage } from './observability/metrics';
import { DEFAULT_METRICS_OPTIONS, type MetricsOptions } from './observability/options';
import { logRequests, OneLinePerRequest, registerMetricsRoute } from './observability/request-log';
import { observationPlugin } from './observability/request-plugin';
import { loadTypeDefs } from './schema';
import { sqlSchema } from './sql-schema';

export interface ServerOptions {
  /** the primary: every write, and every read when there are no replicas */
  database: Database;
  /** which database each query reads (replicas, read your writes); omitted, the primary answers all */
  reads?: ReadRouting;
  logger: Logger;
  bodyLimitBytes: number;
  /** on drain, how long /readyz answers 503 before the listener closes, so balancers stop routing here */
  readinessGraceMs?: number;
  queryLimits: QueryLimits;
  access: AccessOptions;
  /** answer queries that SQL can answer whole with one statement (default); off, resolvers answer everything */
  compiledReads?: boolean;
  jobs: JobQueueOptions;
  /** where export files are written (EXPORT_DIR); a folder under the system's temporary one when not given */
  exportDir?: string;
  /**
   * how webhooks are sent; omitted, this instance neither dispatches nor delivers them (a server for
   * tests that count its statements) and checks subscriptions' URLs by the defaults
   */
  webhooks?: WebhookOptions;
  /** where uploaded imports wait for a worker (default: the system's temporary directory); every instance over one database must share it */
  importDir?: string;
  /** how /metrics is served; default: open, on this port */
  metrics?: MetricsOptions;
}

export interface Server {
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>;
  /** the job queue this server's workers take work from */
  jobs: JobQueue;
  /**
   * Marks the server not ready, waits the readiness grace, stops listening, lets requests in
   * flight finish and closes keep-alive connections once quiet (connection-drain.ts).
   */
  drain: () => Promise<void>;
}

/** The longest a drain waits for busy keep-alive connections to end before closing them anyway. */
const CONNECTION_DRAIN_MS = 5_000;

/** How long a drain waits for running jobs to finish before leaving them to be retried. */
const JOBS_STOP_MS = 10_000;

/** How often Idempotency-Keys past their 24 hours are deleted. */
const IDEMPOTENCY_CLEANUP_MS = 60 * 60_000;

/** Rendered compiled statements kept in memory, keys included: a few thousand documents' worth. */
const COMPILED_CACHE_BYTES = 16 * 1024 * 1024;

/** Passes client-safe errors through and replaces anything else with a generic message and an id the log also has. */
function errorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_SAFE_CODES.has(code)) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...formatted.extensions, code },
      };
    }
    const original = unwrapResolverError(error);
    const errorId = randomUUID();
    const unavailable = isDatabaseUnavailable(original);
    logger.error({ err: original, errorId, path: formatted.path }, 'request failed');
    return {
      message: unavailable
        ? `The service is temporarily unavailable; try again shortly. (error id ${errorId})`
        : `Internal server error (error id ${errorId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}

/** Budgets in Redis when one is configured (shared by every instance), else in this process. */
async function openBudgetStore(access: AccessOptions, logger: Logger): Promise<BudgetStore> {
  logger.info({ budgets: access.redisUrl ? 'redis' : 'memory' }, 'rate-limit budgets');
  if (!access.redisUrl) return new MemoryBudgetStore(access.windowMs);
  const store = new RedisBudgetStore(access.redisUrl, access.windowMs, logger);
  await store.connect();
  return store;
}

/** Builds the HTTP app and the GraphQL server; nothing listens until the caller says so. */
export async function createServer(options: ServerOptions): Promise<Server> {
  const { database, access } = options;
  const logger = withoutSqlParameters(options.logger);
  const regions = await RegionDirectory.load(database.db);
  const app = Fastify({
    loggerInstance: logger,
    // one line per request (observability/request-log.ts), not Fastify's two
    logController: new OneLinePerRequest(),
    bodyLimit: options.bodyLimitBytes,
    // request.ip is the peer's address unless the peer is a trusted proxy (proxy-addr's rules)
    trustProxy: access.trustedProxies.length > 0 ? access.trustedProxies : false,
    // requests arriving while the server closes are answered (with `Connection: close`), not refused
    return503OnClosing: false,
  });
  const connections = connectionDrain(app);
  const jobs = await openJobQueue(database, logger, options.jobs);
  const metricsOptions = options.metrics ?? DEFAULT_METRICS_OPTIONS;
  const pools = (): PoolUsage[] => {
    const primary = database.usage();
    return [...(primary ? [{ database: 'primary', usage: primary }] : []), ...(options.reads?.pools() ?? [])];
  };
  const metrics = new Metrics({ pools, jobs }, { operationNames: metricsOptions.operationNames });
  const documentStore = new MeasuredDocumentStore();
  metrics.watchCache('documents', documentStore.cache);
  const webhookOptions = options.webhooks ?? DEFAULT_WEBHOOK_OPTIONS;
  const budgets = await openBudgetStore(access, logger);
  const lastUse = new LastUseRecorder(database.db, logger, access.lastUseFlushMs);
  // keys past their 24 hours are reclaimed anyway when reused; this frees their rows
  const idempotencyCleanup = setInterval(
    () =>
      void deleteExpiredIdempotencyKeys(database.db).catch((err: unknown) =>
        logger.warn({ err }, 'expired Idempotency-Keys could not be deleted; the next hour tries again'),
      ),
    IDEMPOTENCY_CLEANUP_MS,
  ).unref();
  const typeDefs = loadTypeDefs();
  const formatError = errorFormatter(logger);
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers: withSdlScalarDescriptions(resolvers, typeDefs) as never,
    ...queryLimits(options.queryLimits),
    introspection: true,
    // SIGTERM is main.ts's to handle: Apollo's own handler would close every connection at once
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    documentStore,
    plugins: [
      // first: it learns how the request was answered (see there)
      observationPlugin<Context>(metrics),
      ApolloServerPluginCacheControlDisabled(),
      fastifyApolloDrainPlugin(app),
      requestChecksPlugin<Context>(),
      costPlugin<Context>(options.queryLimits.maxNodes, budgets),
      writesPlugin(database, logger),
      readYourWritesPlugin<Context>(),
      ...(options.compiledReads === false
        ? []
        : [
            compiledReadsPlugin<Context>({
              sqlSchema,
              formatError,
              logger,
              cacheBytes: COMPILED_CACHE_BYTES,
              caches: metrics,
            }),
          ]),
    ],
  });
  await apollo.start();

  const authFailures = new AuthFailureLimit(budgets, {
    limit: access.authFailureLimit,
    windowMs: access.authFailureWindowMs,
  });
  /**
   * The caller a request's key names, or its anonymous client address. A refused key throws
   * (401), and so does any key from an address that has sent too many refused ones (429),
   * before the key is looked up.
   */
  /** callers of requests outside /graphql that may have written, by request */
  const writers = new WeakMap<FastifyRequest, string>();
  const identify = async (request: FastifyRequest) => {
    const { authorization } = request.headers;
    try {
      const tooManyFailures = authorization ? await authFailures.check(request.ip) : null;
      if (tooManyFailures) throw tooManyFailures;
      const caller = callerOf(await authenticate(database.db, authorization, lastUse), request.ip, access.tierBudgets);
      // a request outside /graphql that changes something (an upload to /imports) may have written
      if (request.method !== 'GET' && request.routeOptions.url !== '/graphql') writers.set(request, caller.budgetKey);
      return caller;
    } catch (error) {
      if (error instanceof UnauthenticatedError) await authFailures.noteFailure(request.ip);
      // a refused key is answered before any plugin runs: report the client address's budget here
      if (error instanceof UnauthenticatedError || error instanceof TooManyAuthFailuresError) {
        const anonymous = callerOf(null, request.ip, access.tierBudgets);
        const budget = await budgets.charge(anonymous.budgetKey, 0, anonymous.limit);
        for (const [name, value] of rateLimitHeaders(budget)) error.headers.set(name, value);
      }
      throw error;
    }
  };

  let draining = false;
  const contexts = new WeakMap<FastifyRequest, Context>();
  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => {
      const caller = await identify(request);
      const reader = options.reads ? await options.reads.readerFor(caller.budgetKey) : database;
      const context = createContext(reader, regions, caller);
      context.budgets = budgets;
      context.webhooks = webhookOptions;
      context.jobs = jobs;
      contexts.set(request, context);
      return context;
    },
  });
  // any origin may call the API from a browser: keys travel in a header, never in cookies, so a
  // page can only spend what it holds; preflights are answered here and cached for a day
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'accept',
      'authorization',
      'content-type',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'idempotency-key',
    ],
    exposedHeaders: [
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-used',
      'x-ratelimit-reset',
      'retry-after',
      'www-authenticate',
      'idempotent-replayed',
    ],
    maxAge: 86_400,
  });
  app.route({
    url: '/graphql',
    method: ['GET', 'POST'],
    handler,
    // a query one statement answered: its data is the statement's JSON text, put in as is
    onSend: async (request, _reply, payload) => {
      const data = contexts.get(request)?.compiledData.text;
      return data !== undefined && typeof payload === 'string' ? spliceData(payload, data) : payload;
    },
  });
  // while draining, every response closes its connection, so close() need not wait out keep-alive
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  // read your writes: the primary's position after a request that may have written is noted for
  // its caller before the response leaves, so the caller's next read waits for a replica that has it
  app.addHook('onSend', async (request) => {
    const context = contexts.get(request);
    const writer = context?.reading.wrote ? context.caller.budgetKey : writers.get(request);
    if (writer !== undefined) await options.reads?.noteWrite(writer);
  });
  app.get('/schema.graphql', async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('content-disposition', 'inline; filename="schema.graphql"')
      .send(typeDefs),
  );
  registerExplorer(app);
  registerDashboard(app);
  const exportDir = options.exportDir ?? DEFAULT_EXPORT_DIR;
  const stopExportSweep = await startExportWorker(jobs, {
    database,
    regions,
    exportDir,
    logger,
    pollingIntervalSeconds: options.jobs.pollingIntervalSeconds,
  });
  registerExportRoutes(app, { database, exportDir, identify });
  const importDir = options.importDir ?? DEFAULT_IMPORT_DIR;
  await registerImportRoutes(app, { database, budgets, identify, jobs, importDir });
  await startImportWorker(jobs, {
    database,
    budgets,
    importDir,
    logger,
    pollingIntervalSeconds: options.jobs.pollingIntervalSeconds,
  });
  const webhooks =
    options.webhooks && options.jobs.work !== false
      ? await startWebhooks(database, jobs, logger, webhookOptions)
      : null;
  logRequests(app, metrics, (request) => contexts.get(request)?.observed);
  if (metricsOptions.enabled) registerMetricsRoute(app, metrics, metricsOptions.token);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (draining) return reply.code(503).send({ status: 'shutting down' });
    try {
      await database.ping();
      // replicas out of use do not make this instance unready: the primary serves their reads
      return options.reads?.hasReplicas() ? { status: 'ready', replicas: options.reads.status() } : { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });

  return {
    app,
    jobs,
    drain: async () => {
      draining = true;
      clearInterval(idempotencyCleanup);
      stopExportSweep();
      // without a grace, the listener closes in this same tick: no client can have read a
      // `Connection: close` and reconnected into the listen queue, which closing it would reset
      if (options.readinessGraceMs) await new Promise((resolve) => setTimeout(resolve, options.readinessGraceMs));
      await connections.drain(CONNECTION_DRAIN_MS);
      await app.close();
      await webhooks?.stop();
      // a job cut short by the grace period is failed when its expiry passes, and retried
      await jobs.stop({ graceful: true, wait: true, timeout: JOBS_STOP_MS });
      await lastUse.flush();
      await budgets.close();
    },
  };
}
