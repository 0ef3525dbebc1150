import { and, eq, inArray, sql } from 'drizzle-orm';
import { orderedByKey } from '../../batching/ordered';
import type { Db } from '../../db/client';
import { rowsByIds } from '../../db/rows-by-ids';
import { importErrors, imports } from '../../db/schema';
import type { PageWindow } from '../pagination/arguments';
import type { ListQuery } from '../pagination/store';
import type { ImportErrorRow, ImportRow } from './mappers';

/** Rows per multi-row insert of import errors: well under PostgreSQL's 65,535 parameters. */
const ERRORS_PER_INSERT = 1_000;

/** The states of an import that has not finished: a run may still take it. */
const UNFINISHED = ['QUEUED', 'RUNNING'] as const;

/** One import per id, in id order; null where absent. */
export async function findImportsByIds(db: Db, ids: readonly string[]): Promise<(ImportRow | null)[]> {
  return orderedByKey(ids, await rowsByIds(db, imports, ids), (i) => i.id);
}

/** A new import, QUEUED, with nothing read yet; its id is the caller's when given (an upload named for it). */
export async function insertImport(
  db: Db,
  values: Pick<ImportRow, 'entity' | 'mode' | 'format' | 'uploadPath' | 'apiKeyId' | 'organizationId'> &
    Partial<Pick<ImportRow, 'id'>>,
): Promise<ImportRow> {
  const [row] = await db
    .insert(imports)
    .values({ ...values, status: 'QUEUED' })
    .returning();
  return row!;
}

/**
 * Marks an unfinished import RUNNING, started now (again, for a retry); null when it has finished
 * or is absent. Waits for a run that holds the import's lock, and then finds it finished.
 */
export async function claimImport(db: Db, id: string): Promise<ImportRow | null> {
  const [row] = await db
    .update(imports)
    .set({ status: 'RUNNING', startedAt: sql`now()` })
    .where(and(eq(imports.id, id), inArray(imports.status, [...UNFINISHED])))
    .returning();
  return row ?? null;
}

/**
 * The import, locked until the transaction ends, if it has not finished; null otherwise. A run
 * holds this lock from its first write to the commit that marks the import finished, so a second
 * run of the same import waits here and then finds it finished.
 */
export async function lockUnfinishedImport(tx: Db, id: string): Promise<ImportRow | null> {
  const [row] = await tx
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), inArray(imports.status, [...UNFINISHED])))
    .for('update');
  return row ?? null;
}

/** An import's bad rows, in multi-row statements. */
export async function insertImportErrors(
  db: Db,
  importId: string,
  errors: readonly Pick<ImportErrorRow, 'line' | 'field' | 'code' | 'message'>[],
): Promise<void> {
  for (let i = 0; i < errors.length; i += ERRORS_PER_INSERT) {
    await db.insert(importErrors).values(errors.slice(i, i + ERRORS_PER_INSERT).map((e) => ({ importId, ...e })));
  }
}

/** Ends an import with its counts: SUCCEEDED or FAILED, finished now. */
export async function finishImport(
  db: Db,
  id: string,
  outcome: Pick<ImportRow, 'status' | 'rowCount' | 'writtenCount' | 'errorCount'>,
): Promise<ImportRow> {
  const [row] = await db
    .update(imports)
    .set({ ...outcome, finishedAt: sql`now()` })
    .where(eq(imports.id, id))
    .returning();
  return row!;
}

/**
 * Ends an unfinished import FAILED with nothing written, after its last attempt failed; null when
 * it had finished. Its counts stay as they were (none): the rows were not counted to the end.
 */
export async function failImport(db: Db, id: string): Promise<ImportRow | null> {
  const [row] = await db
    .update(imports)
    .set({ status: 'FAILED', writtenCount: 0, finishedAt: sql`now()` })
    .where(and(eq(imports.id, id), inArray(imports.status, [...UNFINISHED])))
    .returning();
  return row ?? null;
}

/** An import's bad rows, by line. */
export function importErrorList(window: PageWindow): ListQuery<typeof importErrors> {
  return {
    table: importErrors,
    conditions: [],
    sort: { key: sql`${importErrors.line}`, type: 'integer', descending: false },
    window,
  };
}
