import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format';
import { OperationNames } from '../../src/observability/metrics';
import { startTestServer, type TestServer } from '../support/server';

/**
 * /metrics, fetched and parsed by a Prometheus text-format parser (which throws on a malformed
 * line), with its text: the parser merges a histogram's labelled series, so their counts are read
 * from the text's `_count` lines.
 */
async function scrape(
  origin: string,
  headers: Record<string, string> = {},
): Promise<MetricFamily[] & { text: string }> {
  const response = await fetch(`${origin}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return Object.assign(parsePrometheusTextFormat(text), { text });
}

/** A histogram series' observation count, from its `_count` line; 0 when there is none yet. */
function observations(scraped: { text: string }, name: string, labels: string): number {
  const line = scraped.text.split('\n').find((l) => l.startsWith(`${name}_count{${labels}} `));
  return Number(line?.split(' ')[1] ?? 0);
}

function family(families: MetricFamily[], name: string): MetricFamily {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`/metrics has no ${name}`);
  return found;
}

/** The value of the series of `name` whose labels include `labels`; 0 when there is none yet. */
function value(families: MetricFamily[], name: string, labels: Record<string, string>): number {
  const series = family(families, name).metrics.find((m) =>
    Object.entries(labels).every(([k, v]) => m.labels?.[k] === v),
  );
  return Number(series?.value ?? 0);
}

const ORGS = 'query Orgs { organizations(first: 2) { totalCount } }';

describe('/metrics', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ compiledReads: true });
  });
  afterAll(() => t.close());

  it('passes a Prometheus text-format parser and names every family the operators read', async () => {
    const names = (await scrape(t.origin)).map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'gongyi_graphql_requests_total',
        'gongyi_graphql_request_duration_seconds',
        'gongyi_points_charged_total',
        'gongyi_cache_entries',
        'gongyi_cache_bytes',
        'gongyi_jobs',
        'process_resident_memory_bytes',
      ]),
    );
  });

  it('counts requests by operation, path, status and error code, with their latency and the points charged', async () => {
    const before = await scrape(t.origin);
    const ok = { operation: 'Orgs', path: 'compiled', status: '200', code: 'none' };
    const invalid = { operation: '(unresolved)', path: 'none', status: '400', code: 'GRAPHQL_VALIDATION_FAILED' };
    const costs: number[] = [];
    for (let i = 0; i < 2; i += 1) costs.push((await t.query(ORGS)).cost!.requested);
    expect((await t.query('{ noSuchField }')).status).toBe(400);
    const after = await scrape(t.origin);

    const moved = (name: string, labels: Record<string, string>) =>
      value(after, name, labels) - value(before, name, labels);
    expect(moved('gongyi_graphql_requests_total', ok)).toBe(2);
    expect(moved('gongyi_graphql_requests_total', invalid)).toBe(1);
    const latency = (scraped: { text: string }) =>
      observations(scraped, 'gongyi_graphql_request_duration_seconds', 'operation="Orgs",path="compiled"');
    expect(latency(after) - latency(before)).toBe(2);
    expect(moved('gongyi_points_charged_total', { tier: 'ANONYMOUS' })).toBe(costs[0]! + costs[1]!);
  });

  it('reports the caches, the job queues and, on a server, the pool', async () => {
    await t.query(ORGS);
    const families = await scrape(t.origin);
    expect(value(families, 'gongyi_cache_entries', { cache: 'documents' })).toBeGreaterThan(0);
    expect(value(families, 'gongyi_cache_entries', { cache: 'compiled_statements' })).toBeGreaterThan(0);
    expect(value(families, 'gongyi_cache_bytes', { cache: 'documents' })).toBeGreaterThan(0);
    for (const queue of ['exports', 'imports', 'webhook-delivery']) {
      expect(family(families, 'gongyi_jobs').metrics).toContainEqual({
        labels: { queue, state: 'queued' },
        value: '0',
      });
    }
    if (t.database.engine === 'postgres') {
      expect(value(families, 'gongyi_db_pool_connections', { database: 'primary', state: 'max' })).toBe(4);
      expect(value(families, 'gongyi_db_pool_connections', { database: 'primary', state: 'waiting' })).toBe(0);
    } else {
      expect(families.map((f) => f.name)).not.toContain('gongyi_db_pool_connections');
    }
  });
});

describe('/metrics with METRICS_TOKEN, on a server that answers with resolvers alone', () => {
  let t: TestServer;
  const token = 'a-token-of-sixteen-or-more';
  const authorization = `Bearer ${token}`;
  beforeAll(async () => {
    t = await startTestServer({
      seed: false,
      compiledReads: false,
      metrics: { enabled: true, token, operationNames: 10 },
    });
  });
  afterAll(() => t.close());

  it('answers 401 without the bearer token, or with another, and the metrics with it', async () => {
    expect((await fetch(`${t.origin}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${t.origin}/metrics`, { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    await scrape(t.origin, { authorization });
  });

  it('counts a request that executed resolvers under the resolvers path', async () => {
    await t.query(ORGS);
    const families = await scrape(t.origin, { authorization });
    expect(value(families, 'gongyi_graphql_requests_total', { operation: 'Orgs', path: 'resolvers' })).toBe(1);
  });
});

describe('operation names as label values', () => {
  it('keeps the first names, then counts every new one as (other)', () => {
    const names = new OperationNames(2);
    expect(['A', 'B', 'C', 'A', undefined, 'x'.repeat(65)].map((n) => names.label(n))).toEqual([
      'A',
      'B',
      '(other)',
      'A',
      '(anonymous)',
      '(other)',
    ]);
  });
});
