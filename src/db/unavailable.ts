/**
 * Failures that mean the database is down, restarting, overloaded or cut off, never that the
 * request was wrong: a client may retry. Node's socket errors, postgres.js's connection errors,
 * our deadline, and PostgreSQL's classes 08 (connection exception), 53300 (too many connections),
 * 57014 (statement timeout) and 57P01–57P03 (shutdown, crash, not yet accepting connections).
 */
const UNAVAILABLE_CODES = new Set([
  'QUERY_DEADLINE',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '57014',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * An error and what it wraps: Drizzle puts driver errors in `cause`, and Apollo puts errors of
 * the context function (the key look-up) in a GraphQLError's `originalError`.
 */
function causes(error: unknown): Array<{ code?: unknown }> {
  const chain: Array<{ code?: unknown }> = [];
  for (let e = error; e && typeof e === 'object' && chain.length < 5;) {
    chain.push(e as { code?: unknown });
    const wrapper = e as { cause?: unknown; originalError?: unknown };
    e = wrapper.cause ?? wrapper.originalError;
  }
  return chain;
}

/** Whether `error`, or anything it wraps, says the database could not answer. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code));
}

/** Codes of a deadline: the database may be fine, and another would be asked to wait as long again. */
const DEADLINE_CODES = new Set(['QUERY_DEADLINE', '57014']);

/**
 * Whether the database could not answer because the connection to it failed or it is down,
 * rather than because it ran out of time: a read may then be asked of another server.
 */
export function isConnectionFailure(error: unknown): boolean {
  return (
    isDatabaseUnavailable(error) && !causes(error).some((e) => typeof e.code === 'string' && DEADLINE_CODES.has(e.code))
  );
}
