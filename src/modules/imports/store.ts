import { eq, sql } from 'drizzle-orm';
import { orderedByKey } from '../../batching/ordered';
import type { Db } from '../../db/client';
import { rowsByIds } from '../../db/rows-by-ids';
import { importErrors, imports } from '../../db/schema';
import type { PageWindow } from '../pagination/arguments';
import type { ListQuery } from '../pagination/store';
import type { ImportErrorRow, ImportRow } from './mappers';

/** Rows per multi-row insert of import errors: well under PostgreSQL's 65,535 parameters. */
const ERRORS_PER_INSERT = 1_000;

/** One import per id, in id order; null where absent. */
export async function findImportsByIds(db: Db, ids: readonly string[]): Promise<(ImportRow | null)[]> {
  return orderedByKey(ids, await rowsByIds(db, imports, ids), (i) => i.id);
}

/** A new import, RUNNING, with nothing read yet. */
export async function insertImport(
  db: Db,
  values: Pick<ImportRow, 'entity' | 'mode' | 'apiKeyId' | 'organizationId'>,
): Promise<ImportRow> {
  const [row] = await db.insert(imports).values(values).returning();
  return row!;
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

/** An import's bad rows, by line. */
export function importErrorList(window: PageWindow): ListQuery<typeof importErrors> {
  return {
    table: importErrors,
    conditions: [],
    sort: { key: sql`${importErrors.line}`, type: 'integer', descending: false },
    window,
  };
}
