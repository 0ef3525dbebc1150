import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Server } from '../../server';
import type { Database, Db } from '../../db/client';
import { isDatabaseUnavailable } from '../../db/unavailable';
import type { ImportEntity, ImportFormat, ImportMode } from '../../generated/graphql';
import type { JobQueue } from '../../jobs/queue';
import type { Budget, BudgetStore } from '../access/budgets';
import { rateLimitHeaders } from '../access/cost-plugin';
import type { Caller } from '../access/tiers';
import { writerOf, type Writer } from '../mutations/writer';
import { toGlobalId } from '../node/global-id';
import { IMPORT_BASE_COST } from './cost';
import { enqueueImport } from './enqueue';
import { IMPORTED_ENTITIES } from './entities';
import type { ImportRow } from './mappers';
import { deleteUpload, saveUpload } from './uploads';

export interface ImportRoutesOptions {
  database: Database;
  budgets: BudgetStore;
  /** the caller a request's Authorization names, as for /graphql; throws the GraphQL error of a refused key */
  identify: (request: FastifyRequest) => Promise<Caller>;
  jobs: JobQueue;
  /** where uploads wait for the worker; every instance over the same database must share it */
  importDir: string;
}

const ENTITIES = Object.keys(IMPORTED_ENTITIES) as ImportEntity[];
const MODES: readonly ImportMode[] = ['ALL_OR_NOTHING', 'VALID_ROWS_ONLY'];

/** The import format of each accepted media type. */
const FORMATS: Readonly<Record<string, ImportFormat>> = {
  'text/csv': 'CSV',
  'application/x-ndjson': 'JSONL',
  'application/jsonl': 'JSONL',
};

/** The GraphQL query an import's `Location` runs (`GET /graphql`): the import as `node(id:)` reads it. */
export const IMPORT_STATUS_QUERY =
  'query Import($id: ID!) { node(id: $id) { ... on Import { id status rowCount writtenCount errorCount finishedAt errors(first: 100) { nodes { line field code message } } } } }';

/** Where a client follows an import until it has finished: `GET /graphql` of IMPORT_STATUS_QUERY for it. */
export function importLocation(globalId: string): string {
  const search = new URLSearchParams({ query: IMPORT_STATUS_QUERY, variables: JSON.stringify({ id: globalId }) });
  return `/graphql?${search.toString()}`;
}

/**
 * `POST /imports?entity=…&mode=…`: a CSV or JSONL file in the body, streamed to a file of the
 * import directory with no body limit (memory stays flat whatever its size), then queued: the
 * import row and its job are created in one transaction. Answered `202 Accepted` with the import,
 * QUEUED, shaped as the GraphQL `Import`, and a `Location` to follow it by; the worker runs it.
 * Costs 10 points up front and one per 100 rows once the worker has counted them. Errors are
 * answered in GraphQL's shape: `{ errors: [{ message, extensions: { code } }] }`.
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
  const id = randomUUID();
  const upload = `${id}.${format.toLowerCase()}`;
  try {
    await saveUpload(options.importDir, upload, (request.body as Readable | undefined) ?? Readable.from([]));
  } catch (error) {
    // the client went away mid-upload, or the disk failed: nothing is queued
    request.log.warn({ err: error }, 'an upload could not be stored; nothing was queued');
    const message = 'The file could not be stored; nothing was queued. Try again shortly.';
    return refuse(reply, new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } }), 503, upFront);
  }
  let row: ImportRow;
  try {
    row = await database.db.transaction((tx) =>
      enqueueImport(
        tx as unknown as Db,
        options.jobs,
        { id, entity: entity as ImportEntity, mode: mode as ImportMode, format, uploadPath: upload },
        { writer, payer: { budgetKey: caller.budgetKey, limit: caller.limit } },
      ),
    );
  } catch (error) {
    await deleteUpload(options.importDir, upload);
    request.log.error({ err: error }, 'an import could not be queued');
    const message = isDatabaseUnavailable(error)
      ? 'The database is unavailable; nothing was queued. Try again shortly.'
      : 'The import could not be queued; nothing was written. Try again shortly.';
    const budget = await budgets.charge(caller.budgetKey, 0, caller.limit);
    return refuse(reply, new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } }), 503, budget);
  }
  const globalId = toGlobalId('Import', row.id);
  reply.header('location', importLocation(globalId));
  return send(reply, 202, upFront, {
    data: {
      import: {
        id: globalId,
        entity: row.entity,
        mode: row.mode,
        status: row.status,
        rowCount: row.rowCount,
        writtenCount: row.writtenCount,
        errorCount: row.errorCount,
        errors: [],
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
