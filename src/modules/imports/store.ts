import { orderedByKey } from '../../batching/ordered';
import type { Db } from '../../db/client';
import { rowsByIds } from '../../db/rows-by-ids';
import { imports } from '../../db/schema';
import type { ImportRow } from './mappers';

/** One import per id, in id order; null where absent. */
export async function findImportsByIds(db: Db, ids: readonly string[]): Promise<(ImportRow | null)[]> {
  return orderedByKey(ids, await rowsByIds(db, imports, ids), (i) => i.id);
}
