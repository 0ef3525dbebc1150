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
import { finishImport, insertImport, insertImportErrors } from './store';

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

/** The import could not finish because the database failed; nothing of it was written. */
export class ImportFailedError extends Error {
  constructor(
    /** the import as recorded FAILED, or null when even that could not be recorded */
    readonly importRow: ImportRow | null,
    cause: unknown,
  ) {
    super('the import failed: the database could not be written; nothing was imported', { cause });
  }
}

/**
 * Imports the records of `input`, one file, as `writer`:
 * 1. the `imports` row is created RUNNING, in a statement of its own (committed first unless
 *    `db` is a transaction), so the import exists whatever follows;
 * 2. every record is read, turned into its mutation's input and checked by that mutation's
 *    reader; good rows are written by the entity's batch writer, BATCH_ROWS at a time, in one
 *    data transaction (a savepoint when `db` is a transaction), which also checks their
 *    references; rows are streamed, so memory stays flat whatever the file's size;
 * 3. ALL_OR_NOTHING rolls the data transaction back when any row was bad; VALID_ROWS_ONLY commits
 *    the good rows;
 * 4. after the data transaction has ended (PGlite runs one transaction at a time), the bad rows
 *    and the counts are recorded, in multi-row statements.
 * A database failure on the way leaves nothing written, records the import FAILED if it still
 * can, and throws ImportFailedError.
 */
export async function runImport(
  db: Db,
  writer: Writer,
  request: ImportRequest,
  input: AsyncIterable<Buffer | string>,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  const entity = IMPORTED_ENTITIES[request.entity];
  const started = await insertImport(db, {
    entity: request.entity,
    mode: request.mode,
    apiKeyId: writer.keyId,
    organizationId: writer.organizationId,
  });
  const tally = new Tally();
  let failure: unknown;
  try {
    await db.transaction(async (tx) => {
      await importRecords(tx as unknown as Db, writer, entity, request.format, input, tally, onProgress);
      if (request.mode === 'ALL_OR_NOTHING' && tally.errorCount > 0) tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) failure = error;
  }
  const committed = failure === undefined && !(request.mode === 'ALL_OR_NOTHING' && tally.errorCount > 0);
  const outcome = {
    status: committed ? ('SUCCEEDED' as const) : ('FAILED' as const),
    rowCount: tally.rowCount,
    writtenCount: committed ? tally.writtenCount : 0,
    errorCount: tally.errorCount,
  };
  if (failure !== undefined) {
    const recorded = await finishImport(db, started.id, outcome).catch(() => null);
    throw new ImportFailedError(recorded, failure);
  }
  const errors = tally.sortedErrors();
  await insertImportErrors(db, started.id, errors);
  return { import: await finishImport(db, started.id, outcome), errors: errors.slice(0, FIRST_ERRORS) };
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
