import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino, { type Logger } from 'pino';

/**
 * Drizzle's `DrizzleQueryError` (a failed statement) carries the statement's parameters, which
 * hold callers' data: in `params`, and in its message (`Failed query: …\nparams: …`), which its
 * stack and the messages of errors it caused repeat. Each such `\nparams: …` text in the chain.
 */
function parameterTexts(error: unknown, found: string[] = [], depth = 0): string[] {
  if (!(error instanceof Error) || depth > 10) return found;
  if (error instanceof DrizzleQueryError) found.push(`\nparams: ${String(error.params)}`);
  parameterTexts(error.cause, found, depth + 1);
  if (error instanceof AggregateError) for (const inner of error.errors) parameterTexts(inner, found, depth + 1);
  return found;
}

/** `value` with every `texts` removed from its strings and every `params` key dropped, at any depth. */
function scrub(value: unknown, texts: string[]): unknown {
  if (typeof value === 'string') return texts.reduce((s, text) => s.split(text).join(''), value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, texts));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'params' && key !== 'parameters')
        .map(([key, item]) => [key, scrub(item, texts)]),
    );
  }
  return value;
}

/** pino's error serializer, less any SQL parameters the error carries (`params`, `parameters`, or in its text). */
export function errorWithoutParameters(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error);
  return scrub(serialized, parameterTexts(error));
}

/** `logger` with errors logged without their SQL parameters; everything the server logs goes through it. */
export function withoutSqlParameters(logger: Logger): Logger {
  return logger.child({}, { serializers: { err: errorWithoutParameters } });
}
