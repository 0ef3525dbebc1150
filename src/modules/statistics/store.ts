import { eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { rows, type Db } from '../../db/client';
import { donationRollups, organizationRollups, trainingRollups } from '../../db/schema';
import { whereAll } from '../../db/where-all';
import type {
  DonationDimension,
  DonationFilter,
  OrganizationDimension,
  OrganizationFilter,
  TimeInterval,
  TrainingSessionFilter,
} from '../../generated/graphql';
import type { OrganizationGroupRow } from '../organizations/mappers';
import type { DonationGroupRow, DonationPeriodRow, DonationTotalsRow } from '../donations/mappers';
import { industrySection } from '../organizations/industry';
import { expectGlobalId } from '../node/global-id';
import { provenanceIn } from '../provenance/filter';
import type { DonationGrain } from './donation-grains';
import { TRAINING_GRAINS, type TrainingDimension, type TrainingGrain } from './training-grains';
import type { TrainingSource } from '../training-sessions/store';
import { TRUNC_UNIT } from './periods';
import { provenanceCountColumns } from './provenance-counts';
import { withValuesWritten } from '../../db/written-values';

const r = donationRollups;

/** The filter's conditions on the rows of `grain`; the grain keeps every dimension the filter names. */
export function rollupConditions(grain: DonationGrain, filter: DonationFilter | null | undefined): SQL[] {
  const f = filter ?? {};
  return withValuesWritten([
    sql`${r.grain} = ${grain.grain}`,
    f.purpose != null ? sql`${r.purpose} = ${f.purpose}` : undefined,
    f.statuses?.length ? inArray(r.status, f.statuses) : undefined,
    f.donorTypes?.length ? inArray(r.donorType, f.donorTypes) : undefined,
    f.donorIndustries?.length
      ? inArray(
          r.donorIndustry,
          f.donorIndustries.map((s, i) => industrySection(s, `filter.donorIndustries[${i}]`)),
        )
      : undefined,
    f.dateFrom != null ? gte(r.month, f.dateFrom) : undefined,
    f.dateTo != null ? lte(r.month, f.dateTo) : undefined,
    f.donorId != null ? eq(r.donorId, expectGlobalId(f.donorId, 'Organization', 'filter.donorId')) : undefined,
    provenanceIn(r.provenanceKind, f.provenance),
  ]);
}

const yuanSum = (column: PgColumn) => sql`coalesce(sum(${column}), 0)::numeric(20,2)::text`;

/** Each summary field's aggregate columns over rollup rows: the same names and meanings as the scan's in donations/store.ts. */
const TOTALS: Record<string, SQL> = {
  total: sql`${yuanSum(r.total)} as "total"`,
  cash: sql`${yuanSum(r.cash)} as "cash"`,
  inKind: sql`${yuanSum(r.inKind)} as "inKind"`,
  unsplitTotal: sql`${yuanSum(r.unsplitTotal)} as "unsplitTotal"`,
  delivered: sql`${yuanSum(r.delivered)} as "delivered"`,
  inKindShare: sql`case when coalesce(sum(${r.unsplitTotal}), 0) = 0 and coalesce(sum(${r.cash}) + sum(${r.inKind}), 0) > 0
    then round(sum(${r.inKind}) / (sum(${r.cash}) + sum(${r.inKind})), 4)::text end as "inKindShare"`,
  provenanceCounts: provenanceCountColumns(r.provenanceKind, r.donationCount),
};

const COUNT = sql`coalesce(sum(${r.donationCount}), 0)::int as "donationCount"`;

function columns(fields: readonly string[], asked: ReadonlySet<string>): SQL {
  return sql.join(
    fields.filter((f) => asked.has(f)).map((f) => sql`, ${TOTALS[f]!}`),
    sql``,
  );
}

/** How many donations match, as a scalar subquery over one grain's rows: a list's `totalCount` without reading the donations. */
export function countFromRollups(grain: DonationGrain, filter: DonationFilter | null | undefined): SQL {
  return sql`(select coalesce(sum(${r.donationCount}), 0) from ${r} ${whereAll(rollupConditions(grain, filter))})`;
}

/** The summary's count and the totals `asked`, from one grain's rows. */
export async function summarizeRollups(
  db: Db,
  conditions: SQL[],
  asked: ReadonlySet<string>,
): Promise<DonationTotalsRow> {
  const [row] = await rows<DonationTotalsRow>(
    db,
    sql`select ${COUNT}${columns(Object.keys(TOTALS), asked)} from ${r} ${whereAll(conditions)}`,
  );
  return row!;
}

/** Each `donationStats` dimension's key over rollup rows, written as the scan writes it. */
const GROUP_KEYS: Readonly<Partial<Record<DonationDimension, SQL>>> = {
  DONOR_TYPE: sql`${r.donorType}::text`,
  DONOR_INDUSTRY: sql`${r.donorIndustry}::text`,
  PURPOSE: sql`${r.purpose}::text`,
  STATUS: sql`${r.status}::text`,
  YEAR: sql`to_char(${r.month}, 'YYYY')`,
  MONTH: sql`to_char(${r.month}, 'YYYY-MM')`,
  PROVINCE: sql`${r.province}::text`,
};

const GROUP_FIELDS = ['cash', 'inKind', 'unsplitTotal', 'provenanceCounts'];

/** Sums per group from one grain's rows, largest total first, as `groupDonations` orders them. */
export async function groupRollups(
  db: Db,
  by: DonationDimension,
  conditions: SQL[],
  limit: number | null,
  asked: ReadonlySet<string>,
): Promise<DonationGroupRow[]> {
  const found = await rows<Omit<DonationGroupRow, 'dimension'>>(
    db,
    sql`select ${GROUP_KEYS[by]!} as "key", null as "label", ${COUNT}, ${yuanSum(r.total)} as "total"${columns(GROUP_FIELDS, asked)}
        from ${r} ${whereAll(conditions)}
        group by 1 having sum(${r.donationCount}) > 0
        order by sum(${r.total}) desc, 1 asc nulls last
        ${limit !== null ? sql`limit ${limit}` : sql``}`,
  );
  return found.map((g) => ({ ...g, dimension: by }));
}

/** Sums per period from one grain's rows (a grain by month), oldest first, only periods holding a donation. */
export async function sumRollupsPerPeriod(
  db: Db,
  interval: TimeInterval,
  conditions: SQL[],
): Promise<DonationPeriodRow[]> {
  return rows<DonationPeriodRow>(
    db,
    sql`select to_char(date_trunc(${TRUNC_UNIT[interval]}, ${r.month}::timestamp), 'YYYY-MM-DD') as "startsOn",
          ${COUNT}, ${yuanSum(r.total)} as "total"${columns(GROUP_FIELDS, new Set(GROUP_FIELDS))}
        from ${r} ${whereAll([sql`${r.month} is not null`, ...conditions])}
        group by 1 having sum(${r.donationCount}) > 0 order by 1`,
  );
}

/**
 * Where the stored rollups differ from the same sums taken by scanning every donation now: rows
 * the scan has and the rollups lack or hold differently (`missing`), and the other way (`extra`).
 * Empty when the rollups are exact; for tests and for checking a database by hand.
 */
export async function findRollupDifferences(db: Db): Promise<Array<{ side: 'missing' | 'extra'; row: string }>> {
  return rows(
    db,
    sql`with scan as (
          select g.grain, d.provenance_kind,
            case when g.by_purpose then d.purpose end as purpose, case when g.by_status then d.status end as status,
            case when g.by_donor_type then donor.type end as donor_type,
            case when g.by_donor_industry then donor.industry end as donor_industry,
            case when g.by_province then left(coalesce(recipient.region_code, project.region_code), 2) || '0000' end as province,
            case when g.by_month then date_trunc('month', d.pledged_on::timestamp)::date end as month,
            case when g.by_donor then d.donor_id end as donor_id,
            count(*)::bigint as donation_count, sum(d.total) as total, coalesce(sum(d.cash), 0) as cash,
            coalesce(sum(d.in_kind), 0) as in_kind, coalesce(sum(d.total) filter (where d.cash is null), 0) as unsplit_total,
            sum(d.delivered) as delivered
          from donations d
            left join organizations donor on donor.id = d.donor_id
            left join organizations recipient on recipient.id = d.recipient_id
            left join projects project on project.id = d.project_id
            cross join donation_rollup_grains g
          group by 1, 2, 3, 4, 5, 6, 7, 8, 9
        ), stored as (
          select grain, provenance_kind, purpose, status, donor_type, donor_industry, province, month, donor_id,
            donation_count, total, cash, in_kind, unsplit_total, delivered
          from ${r}
          where not (donation_count = 0 and total = 0 and cash = 0 and in_kind = 0 and unsplit_total = 0 and delivered = 0)
        )
        select 'missing' as side, x::text as row from (select * from scan except select * from stored) x
        union all
        select 'extra', y::text from (select * from stored except select * from scan) y`,
  );
}

const o = organizationRollups;

/** `organizationStats` from the organization rollups, or null when the filter asks for what they do not keep. */
export async function groupOrganizationRollups(
  db: Db,
  by: OrganizationDimension,
  filter: OrganizationFilter | null | undefined,
): Promise<OrganizationGroupRow[] | null> {
  const f = filter ?? {};
  if (f.regionCode != null || f.industry != null || f.serviceAreas?.length || f.search) return null;
  const key: Record<OrganizationDimension, SQL> = {
    TYPE: sql`${o.type}::text`,
    REGISTRATION_STATUS: sql`${o.registrationStatus}::text`,
    PROVINCE: sql`${o.province}::text`,
    EVALUATION_GRADE: sql`${o.evaluationGrade}::text`,
  };
  const conditions = [
    f.types?.length ? inArray(o.type, f.types) : undefined,
    f.registrationStatuses?.length ? inArray(o.registrationStatus, f.registrationStatuses) : undefined,
    f.evaluationGrades?.length ? inArray(o.evaluationGrade, f.evaluationGrades) : undefined,
    provenanceIn(o.provenanceKind, f.provenance),
  ].filter((c): c is SQL => c !== undefined);
  return rows<OrganizationGroupRow>(
    db,
    sql`select ${key[by]} as "key", sum(${o.organizationCount})::int as "organizationCount",
          ${provenanceCountColumns(o.provenanceKind, o.organizationCount)}
        from ${o} ${whereAll(conditions)}
        group by 1 having sum(${o.organizationCount}) > 0 order by 2 desc, 1 asc nulls last`,
  );
}

/** Where the stored organization rollups differ from counting every organization now; empty when exact. */
export async function findOrganizationRollupDifferences(
  db: Db,
): Promise<Array<{ side: 'missing' | 'extra'; row: string }>> {
  return rows(
    db,
    sql`with scan as (
          select provenance_kind, type, registration_status, left(region_code, 2) || '0000' as province, evaluation_grade,
            count(*)::bigint as organization_count
          from organizations group by 1, 2, 3, 4, 5
        ), stored as (
          select provenance_kind, type, registration_status, province, evaluation_grade, organization_count
          from ${o} where organization_count <> 0
        )
        select 'missing' as side, x::text as row from (select * from scan except select * from stored) x
        union all
        select 'extra', y::text from (select * from stored except select * from scan) y`,
  );
}

const t = trainingRollups;

/**
 * The training sums over `filter` read from one grain's rows (the grain keeps every dimension the
 * filter names: trainingGrainAnswering), with the same figures as over the sessions.
 */
export function trainingRollupSource(
  grain: TrainingGrain,
  filter: TrainingSessionFilter | null | undefined,
): TrainingSource {
  const f = filter ?? {};
  return {
    table: t,
    conditions: withValuesWritten([
      sql`${t.grain} = ${grain.grain}`,
      f.formats?.length ? inArray(t.format, f.formats) : undefined,
      f.regionCode != null ? sql`${t.province} = ${f.regionCode}` : undefined,
      f.dateFrom != null ? gte(t.month, f.dateFrom) : undefined,
      f.dateTo != null ? lte(t.month, f.dateTo) : undefined,
      provenanceIn(t.provenanceKind, f.provenance),
    ]),
    sessionCount: sql`sum(${t.sessionCount})`,
    personTimes: sql`sum(${t.personTimes})`,
    provenanceCounts: provenanceCountColumns(t.provenanceKind, t.sessionCount),
    startsOn: t.month,
  };
}

/** How many sessions match, as a scalar subquery over one grain's rows: a list's `totalCount` without reading the sessions. */
export function countSessionsFromRollups(grain: TrainingGrain, filter: TrainingSessionFilter | null | undefined): SQL {
  const source = trainingRollupSource(grain, filter);
  return sql`(select coalesce(${source.sessionCount}, 0) from ${source.table} ${whereAll(source.conditions)})`;
}

/** Where the stored training rollups differ from the same sums over every session now; empty when exact. */
export async function findTrainingRollupDifferences(
  db: Db,
): Promise<Array<{ side: 'missing' | 'extra'; row: string }>> {
  // the grains as this code reads them, so a grain the migration's fold keeps differently shows as a difference
  const grainRows = TRAINING_GRAINS.map(
    (g) => `(${g.grain}, ${['format', 'province', 'month'].map((d) => g.dimensions.includes(d as TrainingDimension))})`,
  ).join(', ');
  return rows(
    db,
    sql`with scan as (
          select g.grain, s.provenance_kind, case when g.by_format then s.format end as format,
            case when g.by_province then left(s.region_code, 2) || '0000' end as province,
            case when g.by_month then date_trunc('month', s.starts_on::timestamp)::date end as month,
            count(*)::bigint as session_count, sum(s.participant_count)::bigint as person_times
          from training_sessions s
            cross join (values ${sql.raw(grainRows)}) as g (grain, by_format, by_province, by_month)
          group by 1, 2, 3, 4, 5
        ), stored as (
          select grain, provenance_kind, format, province, month, session_count, person_times
          from ${t} where not (session_count = 0 and person_times = 0)
        )
        select 'missing' as side, x::text as row from (select * from scan except select * from stored) x
        union all
        select 'extra', y::text from (select * from stored except select * from scan) y`,
  );
}
