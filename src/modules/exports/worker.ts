import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Db } from '../../db/client';
import { queueDb, type JobQueue } from '../../jobs/queue';
import { toGlobalId } from '../node/global-id';
import type { RegionDirectory } from '../regions/directory';
import { PART, writeExportFile } from './run';
import { failExport, findExpiredFiles, forgetExportFile, startExportRun, succeedExport } from './store';

/** The job queue's name for exports. */
export const EXPORTS_QUEUE = 'exports';

/** How long a written file can be downloaded: 24 hours. */
export const EXPORT_LIFETIME_SECONDS = 24 * 60 * 60;

/** How often expired files are deleted. */
const SWEEP_EVERY_MS = 10 * 60_000;

/** Expired files deleted per statement of a sweep. */
const SWEEP_BATCH = 100;

interface ExportJob {
  exportId: string;
}

/**
 * The exports queue's policy: a failed attempt (the database went away) is retried after 10 s,
 * 20 s, 40 s (pg-boss's backoff, with jitter), the last failure recording the export FAILED. An
 * attempt whose process died is failed, and retried, once its hour has passed: well above the
 * longest export (a million rows take seconds on a server).
 */
const QUEUE_POLICY = { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 * 60 } as const;

export interface ExportWorkerOptions {
  database: Database;
  regions: RegionDirectory;
  /** where files are written; every instance over the same database must share it */
  exportDir: string;
  logger: Logger;
  /** how often an idle worker looks for queued exports */
  pollingIntervalSeconds?: number;
}

/** Sends an export's job in the transaction `tx` that created the export: it exists iff the export does. */
export async function sendExportJob(jobs: JobQueue, tx: Db, exportId: string): Promise<void> {
  const data: ExportJob = { exportId };
  const sent = await jobs.send(EXPORTS_QUEUE, data, { db: queueDb(tx) });
  if (!sent) throw new Error(`the ${EXPORTS_QUEUE} queue took no job: was it created?`);
}

/**
 * Creates the exports queue if missing, starts this instance's worker on it (one export at a
 * time) and the sweep that deletes expired files. Returns the sweep's stop.
 */
export async function startExportWorker(jobs: JobQueue, options: ExportWorkerOptions): Promise<() => void> {
  await jobs.createQueue(EXPORTS_QUEUE, { name: EXPORTS_QUEUE, ...QUEUE_POLICY });
  await jobs.work<ExportJob>(
    EXPORTS_QUEUE,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds },
    async ([job]) => runExportJob(job!, options),
  );
  const sweep = setInterval(
    () =>
      void deleteExpiredExports(options.database.db, options.exportDir).catch((err: unknown) =>
        options.logger.warn({ err }, 'expired exports could not be deleted; the next sweep tries again'),
      ),
    SWEEP_EVERY_MS,
  ).unref();
  return () => clearInterval(sweep);
}

/**
 * Runs one export job: QUEUED → RUNNING → SUCCEEDED, or FAILED on the last attempt. Safe to run
 * again: a finished export is left alone, and a retry writes its file anew under the same name.
 */
async function runExportJob(job: PgBoss.JobWithMetadata<ExportJob>, options: ExportWorkerOptions): Promise<void> {
  const { database, regions, exportDir, logger } = options;
  const { exportId } = job.data;
  const log = logger.child({ exportId: toGlobalId('Export', exportId), job: job.id, attempt: job.retryCount + 1 });
  const row = await startExportRun(database.db, exportId);
  if (!row) return;
  try {
    const file = await writeExportFile(database, regions, exportDir, row);
    await succeedExport(database.db, exportId, file, EXPORT_LIFETIME_SECONDS);
    log.info({ rows: file.rowCount, bytes: file.byteCount }, 'an export was written');
  } catch (error) {
    const final = job.retryCount >= job.retryLimit;
    const reason = 'the file could not be written; the database or the disk failed';
    await failExport(database.db, exportId, final ? `${reason}.` : `${reason}; it is tried again.`, final);
    if (final) {
      log.error({ err: error }, 'an export failed on its last attempt; it is recorded FAILED');
      return;
    }
    log.warn({ err: error }, 'an export failed; its job is retried');
    throw error;
  }
}

/**
 * Deletes the files of exports past their expiry, and forgets them, and the partial files of
 * attempts whose process died, once as old as a file's lifetime; returns how many exports' files
 * were deleted.
 */
export async function deleteExpiredExports(db: Db, exportDir: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const expired = await findExpiredFiles(db, SWEEP_BATCH);
    for (const { id, fileName } of expired) {
      await rm(path.join(exportDir, fileName!), { force: true });
      await forgetExportFile(db, id);
    }
    deleted += expired.length;
    if (expired.length < SWEEP_BATCH) break;
  }
  const stale = Date.now() - EXPORT_LIFETIME_SECONDS * 1000;
  for (const name of await readdir(exportDir).catch(() => [])) {
    if (!name.endsWith(PART)) continue;
    const file = path.join(exportDir, name);
    const modified = await stat(file).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    );
    if (modified < stale) await rm(file, { force: true });
  }
  return deleted;
}
