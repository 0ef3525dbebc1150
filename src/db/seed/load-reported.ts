import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { fromExcluded } from '../excluded';
import { donations, governanceMetrics, organizations, sources } from '../schema';
import { seededId } from './ids';
import { reportedDonations, reportedMetrics, reportedOrganizations, reportedSources } from './reported';

const sourceId = (key: string) => seededId(`reported:source:${key}`);
const organizationId = (key: string) => seededId(`reported:organization:${key}`);

/** Loads the seed articles' records; loading again changes nothing (rows are keyed by seeded ids). */
export async function loadReported(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(sources)
      .values(reportedSources.map(({ key, ...s }) => ({ id: sourceId(key), ...s, url: null })))
      .onConflictDoUpdate({ target: sources.id, set: fromExcluded(sources, ['title', 'publisher', 'publishedOn']) });

    await tx
      .insert(organizations)
      .values(
        reportedOrganizations.map((o) => ({
          id: organizationId(o.key),
          name: o.name,
          type: o.type,
          registrationStatus: 'REGISTERED' as const,
          industry: o.industry,
          provenanceKind: 'REPORTED' as const,
          sourceId: sourceId(o.source),
        })),
      )
      .onConflictDoUpdate({
        target: organizations.id,
        set: fromExcluded(organizations, ['name', 'type', 'industry', 'sourceId']),
      });

    await tx
      .insert(donations)
      .values(
        reportedDonations.map((d) => {
          const donor = reportedOrganizations.find((o) => o.key === d.donor)!;
          return {
            id: seededId(`reported:donation:${d.key}`),
            donorId: organizationId(d.donor),
            donorName: donor.name,
            purpose: 'EPIDEMIC_RESPONSE' as const,
            status: 'VERIFIED' as const,
            cash: d.cash,
            inKind: d.cash === null ? null : sql`${d.total}::numeric - ${d.cash}::numeric`,
            total: d.total,
            delivered: d.total,
            inKindDescription: d.inKindDescription,
            provenanceKind: 'REPORTED' as const,
            sourceId: sourceId(d.source),
          };
        }),
      )
      .onConflictDoUpdate({
        target: donations.id,
        set: fromExcluded(donations, [
          'donorName',
          'cash',
          'inKind',
          'total',
          'delivered',
          'inKindDescription',
          'sourceId',
        ]),
      });

    await tx
      .insert(governanceMetrics)
      .values(
        reportedMetrics.map((m) => ({
          id: seededId(`reported:metric:${m.key}`),
          indicatorCode: m.indicator,
          scope: 'NATIONAL' as const,
          periodStart: m.periodStart,
          periodEnd: m.periodEnd,
          value: m.value,
          valueQualifier: m.valueQualifier,
          target: m.target,
          provenanceKind: 'REPORTED' as const,
          sourceId: sourceId(m.source),
        })),
      )
      .onConflictDoUpdate({
        target: governanceMetrics.id,
        set: fromExcluded(governanceMetrics, ['periodStart', 'value', 'valueQualifier', 'target', 'sourceId']),
      });
  });
}
