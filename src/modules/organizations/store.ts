import { arrayOverlaps, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { orderedByKey } from '../../batching/ordered';
import { rows, type Db } from '../../db/client';
import { organizations } from '../../db/schema';
import type { OrganizationDimension, OrganizationFilter, OrganizationOrder } from '../../generated/graphql';
import type { PageWindow } from '../pagination/arguments';
import type { ListQuery, Sort } from '../pagination/store';
import { provenanceIn } from '../provenance/filter';
import { nameSearch } from '../search/name-search';
import type { RegionDirectory } from '../regions/directory';
import { inRegion } from '../regions/filter';
import { industrySection } from './industry';
import type { OrganizationGroupRow, OrganizationRow } from './mappers';
import { anyOf } from '../../db/any-of';
import { rowsByIds } from '../../db/rows-by-ids';
import { whereAll } from '../../db/where-all';
import { provenanceCountColumns } from '../statistics/provenance-counts';
import { withValuesWritten } from '../../db/written-values';

/** One organization per id, in id order; null where absent. */
export async function findOrganizationsByIds(db: Db, ids: readonly string[]): Promise<(OrganizationRow | null)[]> {
  const found = await rowsByIds(db, organizations, ids);
  return orderedByKey(ids, found, (o) => o.id);
}

/** One organization per credit code, in code order; null where absent. */
export async function findOrganizationsByCreditCodes(
  db: Db,
  codes: readonly string[],
): Promise<(OrganizationRow | null)[]> {
  const found = await db
    .select()
    .from(organizations)
    .where(anyOf(organizations.creditCode, codes, 'text'));
  return orderedByKey(codes, found, (o) => o.creditCode!);
}

export function organizationConditions(filter: OrganizationFilter | null | undefined, regions: RegionDirectory): SQL[] {
  if (!filter) return [];
  const f = filter;
  return withValuesWritten([
    f.types?.length ? inArray(organizations.type, f.types) : undefined,
    f.registrationStatuses?.length ? inArray(organizations.registrationStatus, f.registrationStatuses) : undefined,
    f.regionCode != null
      ? inRegion(regions, organizations.regionCode, f.regionCode, 'filter.regionCode', organizations.provinceCode)
      : undefined,
    f.industry != null ? eq(organizations.industry, industrySection(f.industry, 'filter.industry')) : undefined,
    f.serviceAreas?.length ? arrayOverlaps(organizations.serviceAreas, f.serviceAreas) : undefined,
    f.evaluationGrades?.length ? inArray(organizations.evaluationGrade, f.evaluationGrades) : undefined,
    f.search ? organizationNameSearch(f.search).condition : undefined,
    provenanceIn(organizations.provenanceKind, f.provenance),
  ]);
}

/** Organizations whose name matches `query` in Chinese, pinyin, initials or English (nameSearch). */
function organizationNameSearch(query: string) {
  return nameSearch(organizations.name, organizations.searchText, query);
}

/** The order asked for; when none is, best match first for a search (then by name), else by name. */
export function organizationSort(order: OrganizationOrder | null | undefined, search?: string | null): Sort {
  const descending = order?.direction === 'DESC';
  if (!order && search) {
    return {
      key: sql`(${organizationNameSearch(search).rank})::text || ${organizations.name}`,
      type: 'text',
      descending,
      readsEveryMatch: true,
    };
  }
  switch (order?.field ?? 'NAME') {
    case 'FOUNDED_ON':
      return { key: sql`coalesce(${organizations.foundedOn}, '-infinity'::date)`, type: 'date', descending };
    case 'CREATED_AT':
      return { key: sql`${organizations.createdAt}`, type: 'timestamptz', descending };
    default:
      return { key: sql`${organizations.name}`, type: 'text', descending };
  }
}

export function organizationList(
  conditions: SQL[],
  order: OrganizationOrder | null | undefined,
  window: PageWindow,
  search?: string | null,
): ListQuery<typeof organizations> {
  return { table: organizations, conditions, sort: organizationSort(order, search), window };
}

/** The names of the organizations among `ids` that exist, by id. */
export async function findOrganizationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(anyOf(organizations.id, [...new Set(ids)]));
  return new Map(found.map((o) => [o.id, o.name]));
}

/** Each dimension's grouping key over `organizations`: an enum value or a province's code. */
export const ORGANIZATION_GROUP_KEYS: Readonly<Record<OrganizationDimension, SQL>> = {
  TYPE: sql`${organizations.type}::text`,
  REGISTRATION_STATUS: sql`${organizations.registrationStatus}::text`,
  PROVINCE: sql`${organizations.provinceCode}::text`,
  EVALUATION_GRADE: sql`${organizations.evaluationGrade}::text`,
};

/** Organizations counted per group, most first, ties by key (no value last), with their provenance kinds. */
export async function groupOrganizations(
  db: Db,
  by: OrganizationDimension,
  conditions: SQL[],
): Promise<OrganizationGroupRow[]> {
  return rows<OrganizationGroupRow>(
    db,
    sql`select ${ORGANIZATION_GROUP_KEYS[by]} as "key", count(*)::int as "organizationCount",
          ${provenanceCountColumns(organizations.provenanceKind)}
        from ${organizations} ${whereAll(conditions)}
        group by 1 order by 2 desc, 1 asc nulls last`,
  );
}
