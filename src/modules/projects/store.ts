import { eq, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { orderedByKey } from '../../batching/ordered';
import type { Db } from '../../db/client';
import { insertRowsReturning } from '../../db/insert-rows';
import { anyOf } from '../../db/any-of';
import { projectReports, projects } from '../../db/schema';
import type { ProjectFilter, ProjectOrder } from '../../generated/graphql';
import { checkDateRange } from '../dates/date-range';
import { expectGlobalId } from '../node/global-id';
import type { PageWindow } from '../pagination/arguments';
import { sortKeyRange, type ListQuery, type Sort } from '../pagination/store';
import { provenanceIn } from '../provenance/filter';
import type { RegionDirectory } from '../regions/directory';
import { inRegion } from '../regions/filter';
import { containsPattern } from '../search/contains-pattern';
import type { ProjectReportRow, ProjectRow } from './mappers';
import { rowsByIds } from '../../db/rows-by-ids';
import { withValuesWritten } from '../../db/written-values';

/** One project per id, in id order; null where absent. */
export async function findProjectsByIds(db: Db, ids: readonly string[]): Promise<(ProjectRow | null)[]> {
  const found = await rowsByIds(db, projects, ids);
  return orderedByKey(ids, found, (p) => p.id);
}

/** One report per id, in id order; null where absent. */
export async function findProjectReportsByIds(db: Db, ids: readonly string[]): Promise<(ProjectReportRow | null)[]> {
  const found = await rowsByIds(db, projectReports, ids);
  return orderedByKey(ids, found, (r) => r.id);
}

export function projectConditions(filter: ProjectFilter | null | undefined, regions: RegionDirectory): SQL[] {
  if (!filter) return [];
  const f = filter;
  checkDateRange(f.startsFrom, f.startsTo, 'filter.startsTo');
  return withValuesWritten([
    f.organizationId != null
      ? eq(projects.organizationId, expectGlobalId(f.organizationId, 'Organization', 'filter.organizationId'))
      : undefined,
    f.categories?.length ? inArray(projects.category, f.categories) : undefined,
    f.fundingChannels?.length ? inArray(projects.fundingChannel, f.fundingChannels) : undefined,
    f.statuses?.length ? inArray(projects.status, f.statuses) : undefined,
    f.regionCode != null ? inRegion(regions, projects.regionCode, f.regionCode, 'filter.regionCode') : undefined,
    f.startsFrom != null ? gte(projects.startsOn, f.startsFrom) : undefined,
    f.startsTo != null ? lte(projects.startsOn, f.startsTo) : undefined,
    f.search ? ilike(projects.name, containsPattern(f.search)) : undefined,
    provenanceIn(projects.provenanceKind, f.provenance),
  ]);
}

/** Newest first unless told otherwise. */
export function projectSort(order: ProjectOrder | null | undefined): Sort {
  const descending = order ? order.direction === 'DESC' : true;
  switch (order?.field ?? 'CREATED_AT') {
    case 'NAME':
      return { key: sql`${projects.name}`, type: 'text', descending };
    case 'STARTS_ON':
      return { key: sql`coalesce(${projects.startsOn}, '-infinity'::date)`, type: 'date', descending };
    default:
      return { key: sql`${projects.createdAt}`, type: 'timestamptz', descending };
  }
}

/** A list of the projects `filter` selects; sorted by start date, its date range also bounds the sort key. */
export function projectList(
  filter: ProjectFilter | null | undefined,
  regions: RegionDirectory,
  order: ProjectOrder | null | undefined,
  window: PageWindow,
): ListQuery<typeof projects> {
  const sort = projectSort(order);
  const conditions = projectConditions(filter, regions);
  // the one date order is the start date's, which the filter's range is on
  if (sort.type === 'date') conditions.push(...sortKeyRange(sort, filter?.startsFrom, filter?.startsTo));
  return { table: projects, conditions, sort, window };
}

/** A project's reports, latest period first. */
export function projectReportList(window: PageWindow): ListQuery<typeof projectReports> {
  return {
    table: projectReports,
    conditions: [],
    sort: { key: sql`${projectReports.periodEnd}`, type: 'date', descending: true },
    window,
  };
}

/** The organization of each project among `ids` that exists, by project id. */
export async function findProjectOrganizations(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: projects.id, organizationId: projects.organizationId })
    .from(projects)
    .where(anyOf(projects.id, [...new Set(ids)]));
  return new Map(found.map((p) => [p.id, p.organizationId]));
}

export type NewProjectRow = typeof projects.$inferInsert;
export type NewProjectReportRow = typeof projectReports.$inferInsert;

/** Inserts projects in multi-row statements; returns them as written, in input order. */
export function insertProjects(db: Db, rows: readonly NewProjectRow[]): Promise<ProjectRow[]> {
  return insertRowsReturning(db, projects, rows);
}

/** Inserts projectReports in multi-row statements; returns them as written, in input order. */
export function insertProjectReports(db: Db, rows: readonly NewProjectReportRow[]): Promise<ProjectReportRow[]> {
  return insertRowsReturning(db, projectReports, rows);
}

/** The projects among `ids` that exist, locked for update until the transaction ends, by id. */
export async function lockProjects(db: Db, ids: readonly string[]): Promise<Map<string, ProjectRow>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select()
    .from(projects)
    .where(anyOf(projects.id, [...new Set(ids)]))
    .orderBy(projects.id)
    .for('update');
  return new Map(found.map((p) => [p.id, p]));
}

/** Writes a project's new version (its version already counted up); the row as written. */
export async function updateProject(db: Db, row: ProjectRow): Promise<ProjectRow> {
  const { id, createdAt: _created, updatedAt: _updated, ...fields } = row;
  const [written] = await db
    .update(projects)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(projects.id, id))
    .returning();
  return written!;
}
