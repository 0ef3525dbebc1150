import { desc, eq, notExists, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { anyOf } from '../../db/any-of';
import { rows, type Db } from '../../db/client';
import {
  donations,
  governanceMetrics,
  organizations,
  projects,
  sources,
  submissionSources,
  trainingSessions,
} from '../../db/schema';
import type { SourceRow, SourceSupportRow } from './mappers';

/** The works reported records cite (every source but the ones submitted records name), newest first. */
export async function findReportedSources(db: Db): Promise<SourceRow[]> {
  return db
    .select()
    .from(sources)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(submissionSources)
          .where(eq(submissionSources.sourceId, sources.id)),
      ),
    )
    .orderBy(desc(sources.publishedOn), sources.id);
}

/** The tables whose records cite a source, by the `SourceSupport` field that counts them. */
const CITING: Record<keyof SourceSupportRow, PgTable & { sourceId: PgColumn }> = {
  organizations,
  projects,
  donations,
  trainingSessions,
  governanceMetrics,
};

const noRecords = (): SourceSupportRow => ({
  organizations: 0,
  projects: 0,
  donations: 0,
  trainingSessions: 0,
  governanceMetrics: 0,
});

/** The records citing each source, counted per kind, in id order; zeros where none cite it. */
export async function countRecordsBySourceIds(db: Db, ids: readonly string[]): Promise<SourceSupportRow[]> {
  const kinds = Object.entries(CITING).map(
    ([kind, table]) =>
      sql`select ${table.sourceId} as "sourceId", ${kind} as kind, count(*)::int as count from ${table}
          where ${anyOf(table.sourceId, ids)} group by 1`,
  );
  const counted = await rows<{ sourceId: string; kind: keyof SourceSupportRow; count: number }>(
    db,
    sql.join(kinds, sql` union all `),
  );
  const bySource = new Map<string, SourceSupportRow>();
  for (const { sourceId, kind, count } of counted) {
    const support = bySource.get(sourceId) ?? noRecords();
    support[kind] = count;
    bySource.set(sourceId, support);
  }
  return ids.map((id) => bySource.get(id) ?? noRecords());
}
