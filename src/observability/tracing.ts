import type { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry traces, on only when `OTEL_EXPORTER_OTLP_ENDPOINT` (or its traces-only form,
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set; otherwise the SDK is never loaded and the spans our
 * code opens (database-spans.ts) go to the API's no-op tracer. The exporter follows the standard
 * variables (`OTEL_EXPORTER_OTLP_PROTOCOL`: http/protobuf by default, http/json or grpc;
 * `OTEL_SERVICE_NAME`, `OTEL_TRACES_SAMPLER`, …). Instrumented: incoming HTTP requests (`http`,
 * beneath Fastify), GraphQL parsing, validation and execution (`graphql`), and every database
 * statement through our own spans, since no instrumentation covers postgres.js. Traces only:
 * metrics are /metrics's and logs stay JSON lines on stdout.
 *
 * It must start before `http` and `graphql` are first required, so main.ts imports this module
 * first; `require` keeps the SDK's modules unloaded when tracing is off.
 */
function startTracing(env: NodeJS.ProcessEnv): NodeSDK | null {
  if (!env['OTEL_EXPORTER_OTLP_ENDPOINT'] && !env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) return null;
  const sdk = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { GraphQLInstrumentation } =
    require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const tracing = new sdk.NodeSDK({
    serviceName: env['OTEL_SERVICE_NAME'] ?? 'gongyi-graph',
    instrumentations: [
      new HttpInstrumentation(),
      // one span per field that does its own work, not one per property read
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    ],
    metricReaders: [],
    logRecordProcessors: [],
  });
  tracing.start();
  return tracing;
}

/** The running SDK, for main.ts to flush on shutdown; null when tracing is off. */
export const tracing = startTracing(process.env);
