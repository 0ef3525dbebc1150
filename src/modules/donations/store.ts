import { eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { groupedByKey, orderedByKey } from '../../batching/ordered';
import { rows, type Db } from '../../db/client';
import { insertRowsReturning } from '../../db/insert-rows';
import { disbursements, donations, organizations, projects, provinceOf } from '../../db/schema';
import type { DonationDimension, DonationFilter, DonationOrder, TimeInterval } from '../../generated/graphql';
import { checkDateRange } from '../dates/date-range';
import { expectGlobalId } from '../node/global-id';
import { industrySection } from '../organizations/industry';
import type { PageWindow } from '../pagination/arguments';
import { sortKeyRange, type ListQuery, type Sort } from '../pagination/store';
import { provenanceIn } from '../provenance/filter';
import type { DisbursementRow, DonationGroupRow, DonationPeriodRow, DonationRow, DonationTotalsRow } from './mappers';
import { anyOf } from '../../db/any-of';
import { whereAll } from '../../db/where-all';
import { rowsByIds } from '../../db/rows-by-ids';
import { NO_RECORDS, provenanceCountColumns, type ProvenanceCountsRow } from '../statistics/provenance-counts';
import { TRUNC_UNIT } from '../statistics/periods';
import { withValuesWritten } from '../../db/written-values';

/** One donation per id, in id order; null where absent. */
export async function findDonationsByIds(db: Db, ids: readonly string[]): Promise<(DonationRow | null)[]> {
  const found = await rowsByIds(db, donations, ids);
  return orderedByKey(ids, found, (d) => d.id);
}

/** Each donation's disbursements, earliest first, in id order. */
export async function findDisbursementsByDonationIds(db: Db, ids: readonly string[]): Promise<DisbursementRow[][]> {
  const found = await db
    .select()
    .from(disbursements)
    .where(anyOf(disbursements.donationId, ids))
    .orderBy(disbursements.disbursedOn, disbursements.id);
  return groupedByKey(ids, found, (d) => d.donationId);
}

export function donationConditions(filter: DonationFilter | null | undefined): SQL[] {
  if (!filter) return [];
  const f = filter;
  checkDateRange(f.dateFrom, f.dateTo, 'filter.dateTo');
  return withValuesWritten([
    f.donorId != null ? eq(donations.donorId, expectGlobalId(f.donorId, 'Organization', 'filter.donorId')) : undefined,
    f.recipientId != null
      ? eq(donations.recipientId, expectGlobalId(f.recipientId, 'Organization', 'filter.recipientId'))
      : undefined,
    f.projectId != null
      ? eq(donations.projectId, expectGlobalId(f.projectId, 'Project', 'filter.projectId'))
      : undefined,
    f.statuses?.length ? inArray(donations.status, f.statuses) : undefined,
    f.purpose != null ? eq(donations.purpose, f.purpose) : undefined,
    // the donor's type and industry as copied onto the donation, read through the donation's own indexes
    f.donorTypes?.length ? inArray(donations.donorType, f.donorTypes) : undefined,
    f.donorIndustries?.length
      ? inArray(
          donations.donorIndustry,
          f.donorIndustries.map((s, i) => industrySection(s, `filter.donorIndustries[${i}]`)),
        )
      : undefined,
    f.dateFrom != null ? gte(donations.pledgedOn, f.dateFrom) : undefined,
    f.dateTo != null ? lte(donations.pledgedOn, f.dateTo) : undefined,
    f.minTotal != null ? gte(donations.total, f.minTotal) : undefined,
    provenanceIn(donations.provenanceKind, f.provenance),
  ]);
}

/** Newest pledge first unless told otherwise. */
export function donationSort(order: DonationOrder | null | undefined): Sort {
  const descending = order ? order.direction === 'DESC' : true;
  switch (order?.field ?? 'PLEDGED_ON') {
    case 'TOTAL':
      return { key: sql`${donations.total}`, type: 'numeric', descending };
    case 'CREATED_AT':
      return { key: sql`${donations.createdAt}`, type: 'timestamptz', descending };
    default:
      return { key: sql`coalesce(${donations.pledgedOn}, '-infinity'::date)`, type: 'date', descending };
  }
}

/** A list of the donations `filter` selects; sorted by date, its date range also bounds the sort key. */
export function donationList(
  filter: DonationFilter | null | undefined,
  order: DonationOrder | null | undefined,
  window: PageWindow,
): ListQuery<typeof donations> {
  const sort = donationSort(order);
  const conditions = donationConditions(filter);
  // the one date order is the pledge date's, which the filter's range is on
  if (sort.type === 'date') conditions.push(...sortKeyRange(sort, filter?.dateFrom, filter?.dateTo));
  return { table: donations, conditions, sort, window };
}

const yuanSum = (column: PgColumn, where?: SQL) =>
  sql`coalesce(sum(${column})${where ? sql` filter (where ${where})` : sql``}, 0)::numeric(20,2)::text`;

/** Each summary field's aggregate columns, by the field's name in DonationSummary (and its key in DonationTotalsRow). */
const TOTALS: Record<
  Exclude<keyof DonationTotalsRow, 'donationCount' | keyof ProvenanceCountsRow> | 'provenanceCounts',
  SQL
> = {
  total: sql`${yuanSum(donations.total)} as "total"`,
  cash: sql`${yuanSum(donations.cash)} as "cash"`,
  inKind: sql`${yuanSum(donations.inKind)} as "inKind"`,
  unsplitTotal: sql`${yuanSum(donations.total, sql`${donations.cash} is null`)} as "unsplitTotal"`,
  delivered: sql`${yuanSum(donations.delivered)} as "delivered"`,
  // null unless the whole value is split: a share of the split part alone would misstate the whole
  inKindShare: sql`case when coalesce(sum(${donations.total}) filter (where ${donations.cash} is null), 0) = 0
      and coalesce(sum(${donations.cash}) + sum(${donations.inKind}), 0) > 0
    then round(sum(${donations.inKind}) / (sum(${donations.cash}) + sum(${donations.inKind})), 4)::text end as "inKindShare"`,
  provenanceCounts: provenanceCountColumns(donations.provenanceKind),
};

/**
 * The count and the totals named in `asked`, every one when not given: summing a numeric column
 * over a million rows is most of a summary's cost, so one that is not asked for is not summed.
 */
function totalsColumns(asked?: ReadonlySet<string>): SQL {
  return sql.join(
    [
      sql`count(*)::int as "donationCount"`,
      ...Object.entries(TOTALS)
        .filter(([key]) => !asked || asked.has(key))
        .map(([, columns]) => columns),
    ],
    sql`, `,
  );
}

const EMPTY_TOTALS: DonationTotalsRow = {
  donationCount: 0,
  total: '0.00',
  cash: '0.00',
  inKind: '0.00',
  unsplitTotal: '0.00',
  delivered: '0.00',
  inKindShare: null,
  ...NO_RECORDS,
};

/** Distinct donors: by organization, or by name for donors that are not organizations here. */
const donorCountColumn = sql`(count(distinct ${donations.donorId})
  + count(distinct ${donations.donorName}) filter (where ${donations.donorId} is null))::int`;

/** How many distinct donors gave the matching donations. */
export async function countDonors(db: Db, conditions: SQL[]): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select ${donorCountColumn} as n from ${donations} ${whereAll(conditions)}`,
  );
  return row!.n;
}

/** The same count per parent (donor, recipient or project), in id order; 0 where none. */
export async function countDonorsByParent(db: Db, parent: PgColumn, parentIds: readonly string[]): Promise<number[]> {
  const found = await rows<{ parent: string; n: number }>(
    db,
    sql`select ${parent} as parent, ${donorCountColumn} as n from ${donations} where ${anyOf(parent, parentIds)} group by 1`,
  );
  return orderedByKey(parentIds, found, (r) => r.parent, { parent: '', n: 0 }).map((r) => r.n);
}

/** Exact sums over every matching donation, in one aggregate statement; of the totals, only those `asked`. */
export async function summarizeDonations(
  db: Db,
  conditions: SQL[],
  asked: ReadonlySet<string>,
): Promise<DonationTotalsRow> {
  const [row] = await rows<DonationTotalsRow>(
    db,
    sql`select ${totalsColumns(asked)} from ${donations} ${whereAll(conditions)}`,
  );
  return row!;
}

/** The same sums per parent (donor, recipient or project), in id order. */
export async function summarizeDonationsByParent(
  db: Db,
  parent: PgColumn,
  parentIds: readonly string[],
): Promise<DonationTotalsRow[]> {
  const found = await rows<DonationTotalsRow & { parent: string }>(
    db,
    sql`select ${parent} as parent, ${totalsColumns()} from ${donations}
        where ${anyOf(parent, parentIds)} group by 1`,
  );
  return orderedByKey(parentIds, found, (r) => r.parent, EMPTY_TOTALS);
}

const donor = alias(organizations, 'donor');
const recipient = alias(organizations, 'recipient');

/** The grouping key, its label, and the joins each dimension needs. */
function dimension(by: DonationDimension): { key: SQL; label: SQL; joins: SQL } {
  const joinDonor = sql`left join ${organizations} as ${donor} on ${donor.id} = ${donations.donorId}`;
  const joinRecipient = sql`left join ${organizations} as ${recipient} on ${recipient.id} = ${donations.recipientId}`;
  switch (by) {
    case 'DONOR':
      return {
        key: sql`coalesce(${donations.donorId}::text, ${donations.donorName})`,
        label: sql`min(${donations.donorName})`,
        joins: sql``,
      };
    case 'DONOR_TYPE':
      return { key: sql`${donor.type}::text`, label: sql`null`, joins: joinDonor };
    case 'DONOR_INDUSTRY':
      return { key: sql`${donor.industry}::text`, label: sql`null`, joins: joinDonor };
    case 'RECIPIENT':
      return { key: sql`${donations.recipientId}::text`, label: sql`min(${recipient.name})`, joins: joinRecipient };
    case 'PURPOSE':
      return { key: sql`${donations.purpose}::text`, label: sql`null`, joins: sql`` };
    case 'STATUS':
      return { key: sql`${donations.status}::text`, label: sql`null`, joins: sql`` };
    case 'YEAR':
      return { key: sql`to_char(${donations.pledgedOn}, 'YYYY')`, label: sql`null`, joins: sql`` };
    case 'MONTH':
      return { key: sql`to_char(${donations.pledgedOn}, 'YYYY-MM')`, label: sql`null`, joins: sql`` };
    case 'PROVINCE':
      return {
        key: provinceOf(sql`coalesce(${recipient.regionCode}, ${projects.regionCode})`),
        label: sql`null`,
        joins: sql`${joinRecipient} left join ${projects} on ${projects.id} = ${donations.projectId}`,
      };
  }
}

/** The columns a group or period sums beyond its count and total, each only when `asked`. */
function groupColumns(asked: ReadonlySet<string>): SQL {
  const columns = (['cash', 'inKind', 'unsplitTotal', 'provenanceCounts'] as const)
    .filter((field) => asked.has(field))
    .map((field) => sql`, ${TOTALS[field]}`);
  return sql.join(columns, sql``);
}

/** Exact sums per group, largest total first; at most `limit` groups when given; beyond count and total, only what is `asked`. */
export async function groupDonations(
  db: Db,
  by: DonationDimension,
  conditions: SQL[],
  limit: number | null,
  asked: ReadonlySet<string>,
): Promise<DonationGroupRow[]> {
  const { key, label, joins } = dimension(by);
  const found = await rows<Omit<DonationGroupRow, 'dimension'>>(
    db,
    sql`select ${key} as "key", ${label} as "label", count(*)::int as "donationCount",
          ${yuanSum(donations.total)} as "total"${groupColumns(asked)}
        from ${donations} ${joins} ${whereAll(conditions)}
        group by 1 order by sum(${donations.total}) desc, 1 asc nulls last
        ${limit !== null ? sql`limit ${limit}` : sql``}`,
  );
  return found.map((g) => ({ ...g, dimension: by }));
}

/** Exact sums per period pledged, oldest first, only periods holding a donation; donations without a pledge date are left out. */
export async function sumDonationsPerPeriod(
  db: Db,
  interval: TimeInterval,
  conditions: SQL[],
): Promise<DonationPeriodRow[]> {
  const all = new Set(['cash', 'inKind', 'unsplitTotal', 'provenanceCounts']);
  return rows<DonationPeriodRow>(
    db,
    sql`select to_char(date_trunc(${TRUNC_UNIT[interval]}, ${donations.pledgedOn}), 'YYYY-MM-DD') as "startsOn",
          count(*)::int as "donationCount", ${yuanSum(donations.total)} as "total"${groupColumns(all)}
        from ${donations} ${whereAll([sql`${donations.pledgedOn} is not null`, ...conditions])}
        group by 1 order by 1`,
  );
}

export type NewDonationRow = typeof donations.$inferInsert;
export type NewDisbursementRow = typeof disbursements.$inferInsert;

/** Inserts donations in multi-row statements; returns them as written, in input order. */
export function insertDonations(db: Db, rows: readonly NewDonationRow[]): Promise<DonationRow[]> {
  return insertRowsReturning(db, donations, rows);
}

/** The donations among `ids` that exist, locked for update until the transaction ends, by id. */
export async function lockDonations(db: Db, ids: readonly string[]): Promise<Map<string, DonationRow>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select()
    .from(donations)
    .where(anyOf(donations.id, [...new Set(ids)]))
    .orderBy(donations.id)
    .for('update');
  return new Map(found.map((d) => [d.id, d]));
}

/** Writes a donation's new version (its version already counted up); the row as written. */
export async function updateDonation(db: Db, row: DonationRow): Promise<DonationRow> {
  const { id, createdAt: _created, updatedAt: _updated, ...fields } = row;
  const [written] = await db
    .update(donations)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(donations.id, id))
    .returning();
  return written!;
}

/** Writes the delivery state of many donations (versions already counted up) in one statement; the rows as written, by id. */
export async function updateDonationDeliveries(
  db: Db,
  rows: readonly DonationRow[],
): Promise<Map<string, DonationRow>> {
  if (rows.length === 0) return new Map();
  const values = rows.map((r) => ({
    id: r.id,
    delivered: r.delivered,
    status: r.status,
    delivered_on: r.deliveredOn,
    version: r.version,
  }));
  // one JSON parameter: the driver binds no arrays of numerics, dates or enums
  await db.execute(sql`
    update ${donations} d set
      delivered = v.delivered, status = v.status, delivered_on = v.delivered_on, version = v.version, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(id uuid, delivered numeric, status donation_status, delivered_on date, version int)
    where d.id = v.id`);
  const written = await rowsByIds(
    db,
    donations,
    rows.map((r) => r.id),
  );
  return new Map(written.map((d) => [d.id, d]));
}

/** Inserts disbursements in multi-row statements; returns them as written, in input order. */
export function insertDisbursements(db: Db, rows: readonly NewDisbursementRow[]): Promise<DisbursementRow[]> {
  return insertRowsReturning(db, disbursements, rows);
}
