import { TransactionRollbackError } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { refusedData } from '../../db/refused-data';
import type { ImportEntity, ImportFormat, ImportMode } from '../../generated/graphql';
import { isUserError, type UserErrorShape } from '../mutations/user-error';
import type { Writer } from '../mutations/writer';
import { readColumns } from './columns';
import { IMPORTED_ENTITIES, type ImportedEntity } from './entities';
import type { ImportRow } from './mappers';
import { readRecords } from './read-records';
import { claimImport, failImport, finishImport, insertImport, insertImportErrors, lockUnfinishedImport } from './store';

/** What to import and how. */
export interface ImportRequest {
  entity: ImportEntity;
  mode: ImportMode;
  format: ImportFormat;
}

/** A bad row: the file's line where it starts, the column at fault (null when no single one is), and why. */
export interface RowError {
  line: number;
  field: string | null;
  code: string;
  message: string;
}

/** How far an import has got, after each batch. */
export interface ImportProgress {
  rows: number;
  errors: number;
}

export interface ImportOutcome {
  import: ImportRow;
  /** the first bad rows by line, at most FIRST_ERRORS */
  errors: RowError[];
}

/** Good rows written per call of an entity's batch writer. */
const BATCH_ROWS = 1_000;

/**
 * Bad rows held in memory and stored, the first found; `errorCount` counts them all. Memory stays
 * bounded when every row of a large file is bad (a file of another entity, say).
 */
export const KEPT_ERRORS = 10_000;

/** Bad rows an import's answer lists; `Import.errors` pages through the rest. */
export const FIRST_ERRORS = 100;

/** The import could not finish because the database (or its input) failed; nothing of it was written. */
export class ImportFailedError extends Error {
  constructor(
    readonly importId: string,
    cause: unknown,
  ) {
    super('the import failed: the database could not be written; nothing was imported', { cause });
  }
}

export interface RunOptions {
  /** after each batch */
  onProgress?: (progress: ImportProgress) => void;
  /** once every row is counted, before the commit that marks the import finished: charges them */
  onCounted?: (rows: number) => Promise<void>;
}

/**
 * Runs a QUEUED import (or a RUNNING one whose run died) as `writer`, reading the file that
 * `open` gives for it, and returns what it did; null when the import had already finished, so a
 * retried job never imports twice:
 * 1. the import is marked RUNNING, started now, in a statement of its own (committed first
 *    unless `db` is a transaction), so pollers see it run;
 * 2. one transaction locks the import (a second run of it waits, then finds it finished and
 *    does nothing) and reads every record, turns it into its mutation's input and checks it by
 *    that mutation's reader; good rows are written by the entity's batch writer, BATCH_ROWS at a
 *    time, in a savepoint, which also checks their references; rows are streamed, so memory
 *    stays flat whatever the file's size;
 * 3. ALL_OR_NOTHING rolls the savepoint back when any row was bad; VALID_ROWS_ONLY keeps the
 *    good rows;
 * 4. in the same transaction, the bad rows are recorded (multi-row statements), `onCounted`
 *    runs, and the import is marked SUCCEEDED or FAILED with its counts: the data and the mark
 *    commit together or not at all.
 * A database failure on the way leaves nothing written and the import RUNNING for a retry, and
 * throws ImportFailedError; the caller decides whether to retry or `failImport`.
 */
export async function runImport(
  db: Db,
  importId: string,
  writer: Writer,
  open: (claimed: ImportRow) => AsyncIterable<Buffer | string>,
  options: RunOptions = {},
): Promise<ImportOutcome | null> {
  try {
    const claimed = await claimImport(db, importId);
    if (!claimed) return null;
    const { mode, format } = claimed;
    // imports made before the job queue have no format, and had all finished before it
    if (!format) throw new Error(`import ${importId} has no format`);
    const entity = IMPORTED_ENTITIES[claimed.entity];
    return await db.transaction(async (tx) => {
      if (!(await lockUnfinishedImport(tx as unknown as Db, importId))) return null;
      const tally = new Tally();
      try {
        await tx.transaction(async (data) => {
          await importRecords(data as unknown as Db, writer, entity, format, open(claimed), tally, options.onProgress);
          if (mode === 'ALL_OR_NOTHING' && tally.errorCount > 0) data.rollback();
        });
      } catch (error) {
        if (!(error instanceof TransactionRollbackError)) throw error;
      }
      const committed = !(mode === 'ALL_OR_NOTHING' && tally.errorCount > 0);
      const errors = tally.sortedErrors();
      await insertImportErrors(tx as unknown as Db, importId, errors);
      await options.onCounted?.(tally.rowCount);
      const finished = await finishImport(tx as unknown as Db, importId, {
        status: committed ? 'SUCCEEDED' : 'FAILED',
        rowCount: tally.rowCount,
        writtenCount: committed ? tally.writtenCount : 0,
        errorCount: tally.errorCount,
      });
      return { import: finished, errors: errors.slice(0, FIRST_ERRORS) };
    });
  } catch (error) {
    throw new ImportFailedError(importId, error);
  }
}

/**
 * Creates an import and runs it at once, in this process (the command line): one that fails is
 * recorded FAILED if it still can be, and its ImportFailedError thrown.
 */
export async function importNow(
  db: Db,
  writer: Writer,
  request: ImportRequest,
  input: AsyncIterable<Buffer | string>,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  const created = await insertImport(db, {
    ...request,
    uploadPath: null,
    apiKeyId: writer.keyId,
    organizationId: writer.organizationId,
  });
  try {
    return (await runImport(db, created.id, writer, () => input, { onProgress }))!;
  } catch (error) {
    await failImport(db, created.id).catch(() => null);
    throw error;
  }
}

/** Counts of an import under way, and the bad rows kept. */
class Tally {
  rowCount = 0;
  writtenCount = 0;
  errorCount = 0;
  private readonly errors: RowError[] = [];

  bad(line: number, error: Pick<RowError, 'field' | 'code' | 'message'>): void {
    this.errorCount++;
    if (this.errors.length < KEPT_ERRORS) {
      this.errors.push({ line, field: error.field, code: error.code, message: error.message });
    }
  }

  /** by line; a row's own errors in the order found */
  sortedErrors(): RowError[] {
    return [...this.errors].sort((a, b) => a.line - b.line);
  }
}

interface Pending {
  line: number;
  draft: unknown;
}

async function importRecords(
  tx: Db,
  writer: Writer,
  entity: ImportedEntity<unknown>,
  format: ImportFormat,
  input: AsyncIterable<Buffer | string>,
  tally: Tally,
  onProgress?: (progress: ImportProgress) => void,
): Promise<void> {
  let batch: Pending[] = [];
  // one batch is written while the next is read: the database and the parser work at once
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const full = batch;
    batch = [];
    await writing;
    onProgress?.({ rows: tally.rowCount, errors: tally.errorCount });
    if (full.length === 0) return;
    writing = writeBatch(tx, writer, entity, full, tally);
    // awaited at the next flush; handled now, so a failure meanwhile is not an unhandled rejection
    writing.catch(() => {});
  };
  for await (const record of readRecords(input, format)) {
    tally.rowCount++;
    if ('problem' in record) {
      tally.bad(record.line, record.problem);
      continue;
    }
    const fields = readColumns(record.values, entity.columns);
    const draft = isUserError(fields) ? fields : entity.read(fields);
    if (isUserError(draft)) {
      tally.bad(record.line, draft);
      continue;
    }
    batch.push({ line: record.line, draft });
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  await writing;
  onProgress?.({ rows: tally.rowCount, errors: tally.errorCount });
}

/**
 * Writes a batch in a savepoint. Should the database refuse data that the readers let through (a
 * constraint they do not know of), the batch is halved until the row at fault is found and
 * reported bad, so one such row costs a few statements, not the import.
 */
async function writeBatch(
  tx: Db,
  writer: Writer,
  entity: ImportedEntity<unknown>,
  batch: readonly Pending[],
  tally: Tally,
): Promise<void> {
  let results: readonly (object | UserErrorShape)[];
  try {
    results = await tx.transaction((savepoint) =>
      entity.write(
        savepoint as unknown as Db,
        writer,
        batch.map((p) => p.draft),
      ),
    );
  } catch (error) {
    const refused = refusedData(error);
    if (!refused) throw error;
    if (batch.length === 1) {
      tally.bad(batch[0]!.line, {
        field: null,
        code: 'INVALID',
        message: `the database refused the row (${refused.code}: ${refused.message})`,
      });
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await writeBatch(tx, writer, entity, batch.slice(0, half), tally);
    await writeBatch(tx, writer, entity, batch.slice(half), tally);
    return;
  }
  results.forEach((result, i) => {
    if (isUserError(result)) tally.bad(batch[i]!.line, result);
    else tally.writtenCount++;
  });
}
