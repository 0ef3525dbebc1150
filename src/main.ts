// first of all, before any dependency loads (one could fail on an older Node with a less clear error)
import { unsupportedNode } from './supported-node';

const unsupported = unsupportedNode(process.versions.node);
if (unsupported) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(2);
}

// then tracing, when on, must hook http and graphql before anything requires them
import { tracing } from './observability/tracing';
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { guardPostgresJs } from './db/driver-guard';
import { migrate } from './db/migrate';
import { ReadRouting } from './db/replicas';
import { hasData, loadDemo } from './db/seed/demo';
import { createServer } from './server';

/** Milliseconds since the process started, in the start's log lines: where a start spends its time. */
const uptimeMs = () => Math.round(process.uptime() * 1000);

/** The only module with process side effects: configuration, listening and shutdown. */
async function main(): Promise<void> {
  const loadedMs = uptimeMs();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
    queryTimeoutMs: config.dbQueryTimeoutMs,
    preparedStatements: config.dbPreparedStatements,
  });
  if (database.engine === 'postgres') guardPostgresJs(logger);
  logger.info(
    {
      engine: database.engine,
      dataDir: database.engine === 'pglite' ? config.dataDir : undefined,
      loadedMs,
      uptimeMs: uptimeMs(),
    },
    'database open',
  );
  await migrate(database);
  logger.info({ uptimeMs: uptimeMs() }, 'migrated');
  if (config.seedDemo && !(await hasData(database))) {
    logger.info('loading the demo dataset (first start)');
    await loadDemo(database);
    logger.info({ uptimeMs: uptimeMs() }, 'demo dataset loaded');
  }
  const reads = await ReadRouting.open(
    database,
    { ...config.replicas, redisUrl: config.access.redisUrl },
    {
      poolMax: config.dbPoolMax,
      queryTimeoutMs: config.dbQueryTimeoutMs,
      preparedStatements: config.dbPreparedStatements,
    },
    logger,
  );
  const server = await createServer({
    database,
    reads,
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
    readinessGraceMs: config.readinessGraceMs,
    queryLimits: config.queryLimits,
    access: config.access,
    jobs: config.jobs,
    importDir: config.importDir,
    exportDir: config.exportDir,
    webhooks: config.webhooks,
    metrics: config.metrics,
  });
  const address = await server.app.listen({ host: config.host, port: config.port });
  logger.info({ address: `${address}/graphql`, uptimeMs: uptimeMs() }, 'gongyi-graph is serving');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining requests in flight');
    const timer = setTimeout(() => {
      logger.warn('grace period over; closing with requests still open');
      void database.close().finally(() => process.exit(1));
    }, config.shutdownGraceMs);
    timer.unref();
    await server.drain();
    await reads.close();
    await database.close();
    await tracing?.shutdown();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`gongyi-graph failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
