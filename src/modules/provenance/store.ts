import { orderedByKey } from '../../batching/ordered';
import type { Db } from '../../db/client';
import { sources } from '../../db/schema';
import { anyOf } from '../../db/any-of';

export type SourceRow = typeof sources.$inferSelect;

/** One source per id, in id order; null where absent. */
export async function findSourcesByIds(db: Db, ids: readonly string[]): Promise<(SourceRow | null)[]> {
  const found = await db.select().from(sources).where(anyOf(sources.id, ids));
  return orderedByKey(ids, found, (s) => s.id);
}
