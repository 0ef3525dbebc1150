import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseUsage } from '../db/client';
import type { JobQueue } from '../jobs/queue';
import { EXPORTS_QUEUE } from '../modules/exports/worker';
import { IMPORTS_QUEUE } from '../modules/imports/enqueue';
import { DELIVERY_QUEUE } from '../modules/webhooks/deliver';

/** How a GraphQL request was answered: one SQL statement, resolvers, or nothing executed. */
export type AnswerPath = 'compiled' | 'resolvers' | 'none';

/** One GraphQL request as /metrics counts it and the request log reports it. */
export interface GraphqlRequest {
  /** the operation's name, as given by `OperationNames` */
  operation: string;
  path: AnswerPath;
  status: number;
  /** the first error's `extensions.code`, or `none` */
  code: string;
  seconds: number;
}

/** A cache whose entries (and, for one bounded by bytes, whose bytes) /metrics reports. */
export interface MeasuredCache {
  readonly size: number;
  readonly calculatedSize?: number;
}

/** One PostgreSQL pool as the gauges see it: the primary's, or a read replica's. */
export interface PoolUsage {
  /** `primary`, or the replica's address with its password hidden (as /readyz shows it) */
  database: string;
  usage: DatabaseUsage;
}

/** What the gauges read when scraped: the database pools (none on PGlite) and the job queue. */
export interface MetricsSources {
  pools: () => PoolUsage[];
  jobs: Pick<JobQueue, 'getQueueSize'>;
}

/** The operation name of a request whose document named none. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** The operation name of a request refused before an operation was resolved (no document, a syntax error, a refused key). */
export const UNRESOLVED_OPERATION = '(unresolved)';
/** The operation name of every name past the first `limit` distinct ones. */
export const OTHER_OPERATION = '(other)';

/** Names longer than this are counted as `(other)`: a label value, not a payload. */
const MAX_NAME_LENGTH = 64;

/**
 * Operation names as label values, bounded: clients choose names freely, so only the first
 * `limit` distinct names this process sees get a series of their own and every later one counts
 * as `(other)`. The parenthesized values cannot collide with a GraphQL name.
 */
export class OperationNames {
  private readonly known = new Set<string>();
  constructor(private readonly limit: number) {}

  label(name: string | undefined): string {
    if (name === undefined) return ANONYMOUS_OPERATION;
    if (this.known.has(name)) return name;
    if (name.length > MAX_NAME_LENGTH || this.known.size >= this.limit) return OTHER_OPERATION;
    this.known.add(name);
    return name;
  }
}

/** Seconds; a compiled read takes about a millisecond, a large export's mutation or a slow list seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The job queues /metrics counts; the webhook deliveries' is their backlog. */
const COUNTED_QUEUES = [EXPORTS_QUEUE, IMPORTS_QUEUE, DELIVERY_QUEUE];

/**
 * Everything /metrics reports, in a registry of this server's own (never prom-client's global
 * one, so that servers in one process do not share series). Counters and histograms move with
 * requests; gauges are read when scraped.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly operationNames: OperationNames;
  private readonly requests: Counter<'operation' | 'path' | 'status' | 'code'>;
  private readonly duration: Histogram<'operation' | 'path'>;
  private readonly points: Counter<'tier'>;
  private readonly caches = new Map<string, MeasuredCache>();

  constructor(sources: MetricsSources, options: { operationNames: number }) {
    const registers = [this.registry];
    this.operationNames = new OperationNames(options.operationNames);
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'gongyi_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name (the first distinct names; later ones as "(other)"), how they were answered (compiled: one SQL statement; resolvers; none: refused before execution or replayed), HTTP status and first error code',
      labelNames: ['operation', 'path', 'status', 'code'],
      registers,
    });
    this.duration = new Histogram({
      name: 'gongyi_graphql_request_duration_seconds',
      help: 'Time from a GraphQL request received to its response sent, by operation name and path',
      labelNames: ['operation', 'path'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.points = new Counter({
      name: 'gongyi_points_charged_total',
      help: 'Rate-limit points charged to callers, by tier (ANONYMOUS for requests without a key)',
      labelNames: ['tier'],
      registers,
    });
    new Gauge({
      name: 'gongyi_db_pool_connections',
      help: "Each PostgreSQL pool (database: the primary, or a read replica's address) as its turn-taking sees it: connections busy with a query or transaction (in_use), queries waiting for one (waiting), the pool size (max); absent on the embedded PGlite",
      labelNames: ['database', 'state'],
      registers,
      collect() {
        for (const { database, usage } of sources.pools()) {
          this.set({ database, state: 'in_use' }, usage.inUse);
          this.set({ database, state: 'waiting' }, usage.waiting);
          this.set({ database, state: 'max' }, usage.poolMax);
        }
      },
    });
    const caches = this.caches;
    new Gauge({
      name: 'gongyi_cache_entries',
      help: 'Entries in each in-memory cache: parsed documents, compiled statements, prepared statement texts (summed over the pools)',
      labelNames: ['cache'],
      registers,
      collect() {
        for (const [name, cache] of caches) this.set({ cache: name }, cache.size);
        const pools = sources.pools();
        if (pools.length > 0) {
          const prepared = pools.reduce((sum, { usage }) => sum + usage.preparedStatements, 0);
          this.set({ cache: 'prepared_statements' }, prepared);
        }
      },
    });
    new Gauge({
      name: 'gongyi_cache_bytes',
      help: 'Bytes each cache bounded by size counts against its bound (keys included)',
      labelNames: ['cache'],
      registers,
      collect() {
        for (const [name, cache] of caches) {
          if (cache.calculatedSize !== undefined) this.set({ cache: name }, cache.calculatedSize);
        }
      },
    });
    new Gauge({
      name: 'gongyi_jobs',
      help: 'Jobs in each queue of the durable job queue: queued (waiting, or retrying later) and active; the webhook-delivery queue holds one job per delivery not yet made or given up (the webhook backlog)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        await Promise.all(
          COUNTED_QUEUES.map(async (queue) => {
            // pg-boss counts jobs in states before the one named: created and retry, then active too
            const [queued, started] = await Promise.all([
              sources.jobs.getQueueSize(queue, { before: 'active' }),
              sources.jobs.getQueueSize(queue, { before: 'completed' }),
            ]);
            this.set({ queue, state: 'queued' }, queued);
            this.set({ queue, state: 'active' }, started - queued);
          }),
        );
      },
    });
  }

  /** Reports `cache`'s size as `name` from now on. */
  watchCache(name: string, cache: MeasuredCache): void {
    this.caches.set(name, cache);
  }

  countRequest(request: GraphqlRequest): void {
    const { operation, path } = request;
    this.requests.inc({ operation, path, status: String(request.status), code: request.code });
    this.duration.observe({ operation, path }, request.seconds);
  }

  countPoints(tier: string, points: number): void {
    this.points.inc({ tier }, points);
  }

  /** The Prometheus text format. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
