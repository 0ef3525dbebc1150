import { orderedByKey } from '../../batching/ordered';
import type { Db } from '../../db/client';
import { eq, isNull, sql } from 'drizzle-orm';
import { organizations, sources, submissionSources } from '../../db/schema';
import type { Writer } from '../mutations/writer';
import { rowsByIds } from '../../db/rows-by-ids';

export type SourceRow = typeof sources.$inferSelect;

/** One source per id, in id order; null where absent. */
export async function findSourcesByIds(db: Db, ids: readonly string[]): Promise<(SourceRow | null)[]> {
  const found = await rowsByIds(db, sources, ids);
  return orderedByKey(ids, found, (s) => s.id);
}

/**
 * The source that records `writer` submits cite: its organization's (published by it), or the
 * staff source for keys acting for none; made the first time it is needed.
 */
export async function submissionSourceId(db: Db, writer: Writer): Promise<string> {
  const organizationId = writer.organizationId;
  const mine =
    organizationId === null
      ? isNull(submissionSources.organizationId)
      : eq(submissionSources.organizationId, organizationId);
  const [found] = await db.select({ id: submissionSources.sourceId }).from(submissionSources).where(mine);
  if (found) return found.id;
  const [organization] = organizationId
    ? await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId))
    : [];
  const publisher = organization?.name ?? 'gongyi-graph staff';
  const [source] = await db
    .insert(sources)
    .values({
      title: `Records submitted through the gongyi-graph API by ${publisher}`,
      publisher,
      publishedOn: sql`current_date`,
    })
    .returning({ id: sources.id });
  const [mapped] = await db
    .insert(submissionSources)
    .values({ sourceId: source!.id, organizationId })
    .onConflictDoNothing()
    .returning({ id: submissionSources.sourceId });
  if (mapped) return mapped.id;
  // another writer of the same organization made one meanwhile: use theirs
  await db.delete(sources).where(eq(sources.id, source!.id));
  const [theirs] = await db.select({ id: submissionSources.sourceId }).from(submissionSources).where(mine);
  return theirs!.id;
}
