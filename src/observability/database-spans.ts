import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * No OpenTelemetry instrumentation covers the `postgres` (postgres.js) driver (instrumentation-pg
 * is for `pg`), so our own client opens the database spans. Without a registered SDK (tracing.ts),
 * the API's tracer does nothing.
 */
const tracer = trace.getTracer('gongyi-graph');

/** The statement's first keyword (`SELECT`, `INSERT`, …), the span's name as the semantic conventions ask. */
function operationOf(text: string): string {
  return /^\s*([a-z]+)/i.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
}

/**
 * Runs `send` in a client span carrying the statement's text, never its parameters (which hold
 * callers' data); a failure marks the span as an error.
 */
export function inDatabaseSpan<T>(text: string, send: () => Promise<T>): Promise<T> {
  const operation = operationOf(text);
  return tracer.startActiveSpan(
    operation,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': text },
    },
    async (span) => {
      try {
        return await send();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
