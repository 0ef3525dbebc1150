import { desc, notExists, sql, eq } from 'drizzle-orm';
import { rows, type Db } from '../../db/client';
import { sources, submissionSources } from '../../db/schema';
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

const NO_RECORDS: SourceSupportRow = {
  organizations: 0,
  projects: 0,
  donations: 0,
  trainingSessions: 0,
  governanceMetrics: 0,
};

/** The records citing each source, counted per kind, in id order; zeros where none cite it. */
export async function countRecordsBySourceIds(db: Db, ids: readonly string[]): Promise<SourceSupportRow[]> {
  const counted = await rows<{ sourceId: string; kind: keyof SourceSupportRow; count: number }>(
    db,
    sql`select source_id as "sourceId", kind, count::int as count from (
          select source_id, 'organizations' as kind, count(*) from organizations where source_id = any(${[...ids]}::uuid[]) group by source_id
          union all select source_id, 'projects', count(*) from projects where source_id = any(${[...ids]}::uuid[]) group by source_id
          union all select source_id, 'donations', count(*) from donations where source_id = any(${[...ids]}::uuid[]) group by source_id
          union all select source_id, 'trainingSessions', count(*) from training_sessions where source_id = any(${[...ids]}::uuid[]) group by source_id
          union all select source_id, 'governanceMetrics', count(*) from governance_metrics where source_id = any(${[...ids]}::uuid[]) group by source_id
        ) counted`,
  );
  const bySource = new Map<string, SourceSupportRow>();
  for (const { sourceId, kind, count } of counted) {
    const support = bySource.get(sourceId) ?? { ...NO_RECORDS };
    support[kind] = count;
    bySource.set(sourceId, support);
  }
  return ids.map((id) => bySource.get(id) ?? { ...NO_RECORDS });
}
