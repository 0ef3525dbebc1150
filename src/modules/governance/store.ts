import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { orderedByKey } from '../../batching/ordered';
import type { Db } from '../../db/client';
import { insertRowsReturning } from '../../db/insert-rows';
import { governanceIndicators, governanceMetrics } from '../../db/schema';
import type { GovernanceMetricFilter, GovernanceMetricOrder } from '../../generated/graphql';
import { checkDateRange } from '../dates/date-range';
import { expectGlobalId } from '../node/global-id';
import type { PageWindow } from '../pagination/arguments';
import type { ListQuery, Sort } from '../pagination/store';
import { provenanceIn } from '../provenance/filter';
import type { RegionDirectory } from '../regions/directory';
import { inRegion } from '../regions/filter';
import type { GovernanceIndicatorRow, GovernanceMetricRow } from './mappers';
import { anyOf } from '../../db/any-of';
import { rowsByIds } from '../../db/rows-by-ids';
import { withValuesWritten } from '../../db/written-values';

export async function findGovernanceIndicators(db: Db): Promise<GovernanceIndicatorRow[]> {
  return db.select().from(governanceIndicators).orderBy(asc(governanceIndicators.code));
}

/** One indicator per code, in code order; null where absent. */
export async function findGovernanceIndicatorsByCodes(
  db: Db,
  codes: readonly string[],
): Promise<(GovernanceIndicatorRow | null)[]> {
  const found = await db
    .select()
    .from(governanceIndicators)
    .where(anyOf(governanceIndicators.code, codes, 'text'));
  return orderedByKey(codes, found, (i) => i.code);
}

/** One metric per id, in id order; null where absent. */
export async function findGovernanceMetricsByIds(
  db: Db,
  ids: readonly string[],
): Promise<(GovernanceMetricRow | null)[]> {
  const found = await rowsByIds(db, governanceMetrics, ids);
  return orderedByKey(ids, found, (m) => m.id);
}

/** The latest metric of `indicator` that carries a target, for the nation or for one region. */
export async function findLatestTarget(
  db: Db,
  indicator: string,
  regionCode: string | null,
): Promise<GovernanceMetricRow | null> {
  const [found] = await db
    .select()
    .from(governanceMetrics)
    .where(
      and(
        eq(governanceMetrics.indicatorCode, indicator),
        isNotNull(governanceMetrics.target),
        regionCode === null
          ? eq(governanceMetrics.scope, 'NATIONAL')
          : and(eq(governanceMetrics.scope, 'REGION'), eq(governanceMetrics.regionCode, regionCode)),
      ),
    )
    .orderBy(desc(governanceMetrics.periodEnd), desc(governanceMetrics.id))
    .limit(1);
  return found ?? null;
}

export function governanceMetricConditions(
  filter: GovernanceMetricFilter | null | undefined,
  regions: RegionDirectory,
): SQL[] {
  if (!filter) return [];
  const f = filter;
  checkDateRange(f.periodFrom, f.periodTo, 'filter.periodTo');
  return withValuesWritten([
    f.indicatorCodes?.length ? inArray(governanceMetrics.indicatorCode, f.indicatorCodes) : undefined,
    f.scopes?.length ? inArray(governanceMetrics.scope, f.scopes) : undefined,
    f.organizationId != null
      ? eq(governanceMetrics.organizationId, expectGlobalId(f.organizationId, 'Organization', 'filter.organizationId'))
      : undefined,
    f.regionCode != null
      ? inRegion(regions, governanceMetrics.regionCode, f.regionCode, 'filter.regionCode')
      : undefined,
    f.periodFrom != null ? gte(governanceMetrics.periodEnd, f.periodFrom) : undefined,
    f.periodTo != null ? lte(governanceMetrics.periodStart, f.periodTo) : undefined,
    provenanceIn(governanceMetrics.provenanceKind, f.provenance),
  ]);
}

/** Latest period first unless told otherwise. */
export function governanceMetricSort(order: GovernanceMetricOrder | null | undefined): Sort {
  const descending = order ? order.direction === 'DESC' : true;
  return order?.field === 'CREATED_AT'
    ? { key: sql`${governanceMetrics.createdAt}`, type: 'timestamptz', descending }
    : { key: sql`${governanceMetrics.periodEnd}`, type: 'date', descending };
}

export function governanceMetricList(
  conditions: SQL[],
  order: GovernanceMetricOrder | null | undefined,
  window: PageWindow,
): ListQuery<typeof governanceMetrics> {
  return { table: governanceMetrics, conditions, sort: governanceMetricSort(order), window };
}

export type NewGovernanceMetricRow = typeof governanceMetrics.$inferInsert;

/** Inserts governanceMetrics in multi-row statements; returns them as written, in input order. */
export function insertGovernanceMetrics(
  db: Db,
  rows: readonly NewGovernanceMetricRow[],
): Promise<GovernanceMetricRow[]> {
  return insertRowsReturning(db, governanceMetrics, rows);
}
