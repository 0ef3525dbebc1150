import { timingSafeEqual } from 'node:crypto';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Server } from '../server';
import { UNRESOLVED_OPERATION, type Metrics } from './metrics';
import type { RequestObservation } from './request-plugin';

/**
 * Fastify's request logging less its two info lines per request ("incoming request", "request
 * completed") and its info lines for 4xx errors and unknown routes, which the one line of
 * `logRequests` replaces; errors of 5xx responses and broken streams are still logged.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) super.requestCompleted(error, request, reply);
  }
  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) super.defaultErrorLog(error, request, reply);
  }
  override routeNotFound(): void {}
}

/** The GraphQL endpoint, whose requests are counted in /metrics. */
const GRAPHQL_URL = '/graphql';

/** An error code as a label value: codes are SCREAMING_SNAKE_CASE words; anything else is `other`. */
function codeLabel(code: unknown): string {
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : 'other';
}

/**
 * The first error code of a GraphQL error response that no plugin saw: one refused before
 * Apollo's plugins ran (a refused API key, too many refused keys, a body too large).
 */
function codeOfErrorPayload(payload: string): string | undefined {
  try {
    const body = JSON.parse(payload) as { errors?: Array<{ extensions?: { code?: unknown } }>; code?: unknown };
    const code = body.errors?.[0]?.extensions?.code ?? body.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Logs exactly one line per request at `info`, once its response is sent: method, route (never the
 * query string, which may carry a document's variables), status, duration in milliseconds, and for
 * GraphQL its operation, answer path, points charged and first error code; and counts GraphQL
 * requests in `metrics`. `observationOf` gives what the GraphQL plugins learned of a request.
 */
export function logRequests(
  app: Server['app'],
  metrics: Metrics,
  observationOf: (request: FastifyRequest) => RequestObservation | undefined,
): void {
  const refusedCodes = new WeakMap<FastifyRequest, string>();
  app.addHook('onSend', async (request, reply, payload) => {
    const seen = observationOf(request)?.code !== undefined;
    if (!seen && request.routeOptions.url === GRAPHQL_URL && reply.statusCode >= 400 && typeof payload === 'string') {
      const code = codeOfErrorPayload(payload);
      if (code !== undefined) refusedCodes.set(request, code);
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    const route = request.routeOptions.url ?? request.url.split('?', 1)[0];
    if (route !== GRAPHQL_URL) {
      request.log.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(ms) }, 'request');
      return;
    }
    const observed = observationOf(request);
    const operation = observed?.operation ?? UNRESOLVED_OPERATION;
    const path = observed?.path ?? 'none';
    const seenCode = observed?.code ?? refusedCodes.get(request);
    const code = seenCode === undefined ? 'none' : codeLabel(seenCode);
    metrics.countRequest({ operation, path, status: reply.statusCode, code, seconds: ms / 1000 });
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(ms),
        operation,
        path,
        cost: observed?.cost ?? 0,
        ...(code !== 'none' && { code }),
      },
      'request',
    );
  });
}

/** Compares a presented bearer token with the configured one in constant time. */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  const presented = Buffer.from(/^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/**
 * Serves `metrics` at /metrics in the Prometheus text format; with a `token`, only to requests
 * with `Authorization: Bearer <token>` (401 otherwise).
 */
export function registerMetricsRoute(app: Server['app'], metrics: Metrics, token: string | undefined): void {
  app.get('/metrics', async (request, reply) => {
    if (token !== undefined && !bearerMatches(request.headers.authorization, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: 'metrics need the bearer token set in METRICS_TOKEN' });
    }
    const { contentType, body } = await metrics.text();
    return reply.type(contentType).send(body);
  });
}
