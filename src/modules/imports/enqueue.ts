import type { Db } from '../../db/client';
import { queueDb, type JobQueue } from '../../jobs/queue';
import type { Writer } from '../mutations/writer';
import type { Payer } from './cost';
import type { ImportRow } from './mappers';
import { insertImport } from './store';

/** The job queue's name for imports. */
export const IMPORTS_QUEUE = 'imports';

/** What the worker needs to run an import beyond its row. */
export interface ImportJob {
  importId: string;
  /** who writes: the key that sent the import, as it was then */
  writer: Writer;
  /** whose budget its rows are charged to */
  payer: Payer;
  /**
   * `importRecords`' text, kept in the job itself: it is within the request body limit, and so
   * commits or rolls back with the request's transaction, leaving no file behind. A `POST
   * /imports` upload is a file of the import directory instead, named by the row's `upload_path`.
   */
  content?: string;
}

/**
 * Creates a QUEUED import and its job in the transaction `tx`: the job exists if and only if the
 * import does, whichever way the transaction ends.
 */
export async function enqueueImport(
  tx: Db,
  jobs: JobQueue,
  request: Pick<ImportRow, 'entity' | 'mode' | 'format' | 'uploadPath'> & Partial<Pick<ImportRow, 'id'>>,
  job: Omit<ImportJob, 'importId'>,
): Promise<ImportRow> {
  const { writer } = job;
  const row = await insertImport(tx, { ...request, apiKeyId: writer.keyId, organizationId: writer.organizationId });
  const data: ImportJob = { importId: row.id, ...job };
  const sent = await jobs.send(IMPORTS_QUEUE, data as object, { db: queueDb(tx) });
  // pg-boss sends nothing to a queue that does not exist: createServer creates it before serving
  if (sent === null) throw new Error(`the job queue "${IMPORTS_QUEUE}" does not exist`);
  return row;
}
