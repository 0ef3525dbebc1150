import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Database } from '../../db/client';
import type { Server } from '../../server';
import type { Caller } from '../access/tiers';
import { parseGlobalId } from '../node/global-id';
import { FORMATS } from './formats';
import { EXPORTED_LISTS } from './entities';
import type { ExportRow } from './mappers';
import { isExportSignature, isPast } from './signing';
import { findExportById } from './store';

export interface ExportRoutesOptions {
  database: Database;
  exportDir: string;
  /** the caller a request's Authorization names, as for /graphql; throws the GraphQL error of a refused key */
  identify: (request: FastifyRequest) => Promise<Caller>;
}

/**
 * `GET /exports/<id>/download?expires=…&signature=…`, the URL an `Export` shows: the file,
 * streamed, for the key that started the export only. Anything else is answered `404` as if
 * there were no such export: another key, no key, a signature that is not the URL's (a changed
 * `expires` included), an export not yet written. The right key with its URL once the URL's
 * `expires` or the export's `expiresAt` has passed is answered `410 Gone`. A refused key is
 * answered `401`, as everywhere.
 */
export function registerExportRoutes(app: Server['app'], options: ExportRoutesOptions): void {
  app.get('/exports/:id/download', (request, reply) => download(options, request, reply));
}

async function download(options: ExportRoutesOptions, request: FastifyRequest, reply: FastifyReply) {
  let caller: Caller;
  try {
    caller = await options.identify(request);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const http = error.extensions['http'] as { status?: number; headers?: Map<string, string> } | undefined;
    for (const [name, value] of http?.headers ?? []) reply.header(name, value);
    const { http: _http, ...extensions } = error.extensions;
    return reply.code(http?.status ?? 401).send({ errors: [{ message: error.message, extensions }] });
  }
  const row = await authorizedExport(options.database, request, caller);
  if (!row) return gone(reply, 404, 'No such export for this key.');
  // the sweep forgets a file once it has deleted it
  const expired = isPast(row.expiresAt) || row.urlExpires * 1000 <= Date.now() || !row.fileName;
  if (expired) return gone(reply, 410, 'This export has expired; start a new one.');
  const file = path.join(options.exportDir, row.fileName!);
  try {
    await access(file);
  } catch {
    return gone(reply, 410, 'This export has expired; start a new one.');
  }
  const format = FORMATS[row.format];
  const name = `${EXPORTED_LISTS[row.entity].fileStem}-${row.finishedAt!.slice(0, 10)}.${format.extension}`;
  return reply
    .code(200)
    .type(format.contentType)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('content-length', String(row.byteCount))
    .header('cache-control', 'private, no-store')
    .send(createReadStream(file));
}

/** The export the URL names, when the caller is the key that started it and the signature holds; else null. */
async function authorizedExport(
  database: Database,
  request: FastifyRequest,
  caller: Caller,
): Promise<(ExportRow & { expiresAt: string; urlExpires: number }) | null> {
  const key = caller.key;
  const parsed = parseGlobalId((request.params as { id: string }).id);
  const query = request.query as Record<string, unknown>;
  const { expires, signature } = query;
  if (!key || parsed?.type !== 'Export' || typeof expires !== 'string' || typeof signature !== 'string') return null;
  const row = await findExportById(database.db, parsed.id);
  if (!row || row.apiKeyId !== key.id || row.status !== 'SUCCEEDED' || !row.expiresAt) return null;
  if (!/^\d{1,12}$/.test(expires) || !isExportSignature(signature, row.urlSecret, row.id, key.id, Number(expires)))
    return null;
  return { ...row, expiresAt: row.expiresAt, urlExpires: Number(expires) };
}

function gone(reply: FastifyReply, status: 404 | 410, message: string) {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code: status === 404 ? 'NOT_FOUND' : 'EXPIRED' } }] });
}
