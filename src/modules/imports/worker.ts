import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../../db/client';
import type { JobQueue } from '../../jobs/queue';
import type { BudgetStore } from '../access/budgets';
import { toGlobalId } from '../node/global-id';
import { chargeRows } from './cost';
import { IMPORTS_QUEUE, type ImportJob } from './enqueue';
import { runImport } from './run';
import { failImport, findImportsByIds } from './store';
import { deleteUpload, uploadFile } from './uploads';

export interface ImportWorkerOptions {
  database: Database;
  budgets: BudgetStore;
  /** where uploads wait; every instance over the same database must share it */
  importDir: string;
  logger: Logger;
  /** how often an idle worker looks for queued imports */
  pollingIntervalSeconds?: number;
}

/**
 * The imports queue's policy. A failed attempt (the database went away) wrote nothing and is
 * retried after 10 s, 20 s, 40 s, … (pg-boss's backoff, with jitter); the last failure records
 * the import FAILED. An attempt whose process died is failed, and retried, once its hour has
 * passed: an hour is well above the longest import (a million rows on the embedded engine).
 */
const QUEUE_POLICY = { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 * 60 } as const;

/** Creates the imports queue if it is missing and starts this instance's worker on it, one import at a time. */
export async function startImportWorker(jobs: JobQueue, options: ImportWorkerOptions): Promise<void> {
  await mkdir(options.importDir, { recursive: true });
  await jobs.createQueue(IMPORTS_QUEUE, { name: IMPORTS_QUEUE, ...QUEUE_POLICY });
  await jobs.work<ImportJob>(
    IMPORTS_QUEUE,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds },
    async ([job]) => runImportJob(job!, options),
  );
}

/**
 * Runs one import job. Safe to run again: runImport does nothing for an import that finished, so
 * a retry after a crash, or a second instance given the job after its expiry, never imports
 * twice. The upload is deleted once the import has finished, whichever run finished it.
 */
async function runImportJob(job: PgBoss.JobWithMetadata<ImportJob>, options: ImportWorkerOptions): Promise<void> {
  const { database, budgets, importDir, logger } = options;
  const { importId, writer, payer, content } = job.data;
  const [found] = await findImportsByIds(database.db, [importId]);
  if (!found) return;
  const upload = found.uploadPath;
  const log = logger.child({ importId: toGlobalId('Import', importId), job: job.id, attempt: job.retryCount + 1 });
  const open = (): AsyncIterable<Buffer | string> => {
    if (content !== undefined) return Readable.from([content]);
    if (upload === null) throw new Error('the import has neither an upload nor content');
    return createReadStream(uploadFile(importDir, upload));
  };
  const charge = async (rows: number) => {
    // the import stands whether or not its rows can be charged
    await chargeRows(budgets, payer, rows).catch((err: unknown) =>
      log.warn({ err }, "an import's rows could not be charged"),
    );
  };
  try {
    const outcome = await runImport(database.db, importId, writer, open, { onCounted: charge });
    if (outcome) log.info({ status: outcome.import.status, rows: outcome.import.rowCount }, 'an import ran');
    else log.info('the import had already finished: this job does nothing');
  } catch (error) {
    if (job.retryCount < job.retryLimit) {
      log.warn({ err: error }, 'an import failed with nothing written; its job is retried');
      throw error;
    }
    log.error({ err: error }, 'an import failed on its last attempt; it is recorded FAILED');
    await failImport(database.db, importId);
  }
  if (upload !== null) await deleteUpload(importDir, upload);
}
