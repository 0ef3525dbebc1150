import { orderedByKey } from '../../batching/ordered';
import type { Db } from '../../db/client';
import { sources } from '../../db/schema';
import { rowsByIds } from '../../db/rows-by-ids';

export type SourceRow = typeof sources.$inferSelect;

/** One source per id, in id order; null where absent. */
export async function findSourcesByIds(db: Db, ids: readonly string[]): Promise<(SourceRow | null)[]> {
  const found = await rowsByIds(db, sources, ids);
  return orderedByKey(ids, found, (s) => s.id);
}
