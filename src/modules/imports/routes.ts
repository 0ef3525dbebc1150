import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Server } from '../../server';
import type { Database } from '../../db/client';
import { isDatabaseUnavailable } from '../../db/unavailable';
import type { ImportEntity, ImportFormat, ImportMode } from '../../generated/graphql';
import type { Budget, BudgetStore } from '../access/budgets';
import { rateLimitHeaders } from '../access/cost-plugin';
import type { Caller } from '../access/tiers';
import { writerOf, type Writer } from '../mutations/writer';
import { toGlobalId } from '../node/global-id';
import { chargeRows, IMPORT_BASE_COST } from './cost';
import { IMPORTED_ENTITIES } from './entities';
import { ImportFailedError, runImport, type ImportOutcome } from './run';

export interface ImportRoutesOptions {
  database: Database;
  budgets: BudgetStore;
  /** the caller a request's Authorization names, as for /graphql; throws the GraphQL error of a refused key */
  identify: (request: FastifyRequest) => Promise<Caller>;
}

const ENTITIES = Object.keys(IMPORTED_ENTITIES) as ImportEntity[];
const MODES: readonly ImportMode[] = ['ALL_OR_NOTHING', 'VALID_ROWS_ONLY'];

/** The import format of each accepted media type. */
const FORMATS: Readonly<Record<string, ImportFormat>> = {
  'text/csv': 'CSV',
  'application/x-ndjson': 'JSONL',
  'application/jsonl': 'JSONL',
};

/**
 * `POST /imports?entity=…&mode=…`: a CSV or JSONL file in the body, streamed into the import
 * pipeline with no body limit (memory stays flat whatever its size), answered `202` with the
 * finished import shaped as the GraphQL `Import`. Costs 10 points up front and one per 100 rows
 * once counted. Errors are answered in GraphQL's shape: `{ errors: [{ message, extensions: { code } }] }`.
 */
export async function registerImportRoutes(app: Server['app'], options: ImportRoutesOptions): Promise<void> {
  await app.register(async (scope) => {
    // this scope's body is the request stream itself, whatever its type; the handler checks the type
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post('/imports', (request, reply) => importFile(options, request, reply));
  });
}

async function importFile(options: ImportRoutesOptions, request: FastifyRequest, reply: FastifyReply) {
  const { database, budgets, identify } = options;
  let caller: Caller;
  try {
    caller = await identify(request);
  } catch (error) {
    if (error instanceof GraphQLError) return refuse(reply, error);
    throw error;
  }
  let writer: Writer;
  try {
    writer = writerOf(caller);
  } catch (error) {
    if (error instanceof GraphQLError)
      return refuse(reply, error, 403, await budgets.charge(caller.budgetKey, 0, caller.limit));
    throw error;
  }
  const query = request.query as Record<string, unknown>;
  const entity = query['entity'];
  const mode = query['mode'] ?? 'ALL_OR_NOTHING';
  if (!ENTITIES.includes(entity as ImportEntity)) {
    return badParameter(
      reply,
      'entity',
      `must be one of ${ENTITIES.join(', ')}, got ${JSON.stringify(entity ?? null)}`,
    );
  }
  if (!MODES.includes(mode as ImportMode)) {
    return badParameter(reply, 'mode', `must be one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const format = FORMATS[mediaType];
  if (!format) {
    const message = `Content-Type must be text/csv (CSV) or application/x-ndjson (JSONL), got ${JSON.stringify(mediaType)}`;
    return refuse(reply, new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } }), 415);
  }
  const upFront = await budgets.charge(caller.budgetKey, IMPORT_BASE_COST, caller.limit);
  if (!upFront.allowed) {
    const retryAfter = Math.max(1, Math.ceil((upFront.resetAt.getTime() - Date.now()) / 1000));
    reply.header('retry-after', String(retryAfter));
    const message = `An import costs ${IMPORT_BASE_COST} points to start and ${upFront.remaining} of ${upFront.limit} remain until ${upFront.resetAt.toISOString()}.`;
    return refuse(reply, new GraphQLError(message, { extensions: { code: 'RATE_LIMITED' } }), 429, upFront);
  }
  const body = request.body as Readable | undefined;
  let outcome: ImportOutcome;
  try {
    outcome = await runImport(
      database.db,
      writer,
      { entity: entity as ImportEntity, mode: mode as ImportMode, format },
      // not destroyed when the import stops early: see discardRest
      (body ?? Readable.from([])).iterator({ destroyOnReturn: false }),
    );
  } catch (error) {
    if (!(error instanceof ImportFailedError)) throw error;
    request.log.error({ err: error.cause, importId: error.importRow?.id }, 'an import failed');
    const recorded = error.importRow ? ` Import ${toGlobalId('Import', error.importRow.id)} is recorded FAILED.` : '';
    const message = isDatabaseUnavailable(error.cause)
      ? `The database became unavailable during the import; nothing was written.${recorded} Try again shortly.`
      : `The import failed; nothing was written.${recorded} Try again shortly.`;
    const budget = await budgets.charge(caller.budgetKey, 0, caller.limit);
    return refuse(reply, new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } }), 503, budget);
  } finally {
    discardRest(body);
  }
  const charged = await chargeRows(budgets, caller, outcome.import.rowCount);
  const { import: row, errors } = outcome;
  return send(reply, 202, charged, {
    data: {
      import: {
        id: toGlobalId('Import', row.id),
        entity: row.entity,
        mode: row.mode,
        status: row.status,
        rowCount: row.rowCount,
        writtenCount: row.writtenCount,
        errorCount: row.errorCount,
        errors,
      },
    },
  });
}

function send(reply: FastifyReply, status: number, budget: Budget | null, body: unknown) {
  if (budget) for (const [name, value] of rateLimitHeaders(budget)) reply.header(name, value);
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** A GraphQL error as /graphql would answer it: its status and headers from `extensions.http` unless given. */
function refuse(reply: FastifyReply, error: GraphQLError, status?: number, budget: Budget | null = null) {
  const http = error.extensions['http'] as { status?: number; headers?: Map<string, string> } | undefined;
  for (const [name, value] of http?.headers ?? []) reply.header(name, value);
  const { http: _http, ...extensions } = error.extensions;
  return send(reply, status ?? http?.status ?? 400, budget, { errors: [{ message: error.message, extensions }] });
}

function badParameter(reply: FastifyReply, parameter: string, problem: string) {
  const error = new GraphQLError(`${parameter}: ${problem}`, {
    extensions: { code: 'BAD_USER_INPUT', argument: parameter },
  });
  return refuse(reply, error, 400);
}

/**
 * Lets the rest of a body the import did not read (a CSV header it could not read, a failed
 * database) flow into nothing: destroying the stream instead would reset the connection before
 * the answer reaches the client, and leaving it paused would keep the connection busy.
 */
function discardRest(stream: Readable | undefined): void {
  if (!stream || stream.readableEnded) return;
  // a reader's 'readable' listener keeps the stream paused; without one, it flows from the next tick
  stream.removeAllListeners('readable');
  setImmediate(() => stream.resume());
}
