import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { fromExcluded } from '../excluded';
import { donations, governanceMetrics, organizations, projects, sources } from '../schema';
import { seededId } from './ids';
import {
  reportedDonations,
  reportedMetrics,
  reportedOrganizations,
  reportedProjects,
  reportedSources,
} from './reported';

export const reportedSourceId = (key: string) => seededId(`reported:source:${key}`);
export const reportedOrganizationId = (key: string) => seededId(`reported:organization:${key}`);
export const reportedDonationId = (key: string) => seededId(`reported:donation:${key}`);
export const reportedProjectId = (key: string) => seededId(`reported:project:${key}`);
export const reportedMetricId = (key: string) => seededId(`reported:metric:${key}`);

/** Loads the seed articles' records; loading again changes nothing (rows are keyed by seeded ids). */
export async function loadReported(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(sources)
      .values(reportedSources.map(({ key, ...s }) => ({ id: reportedSourceId(key), ...s, url: null })))
      .onConflictDoUpdate({
        target: sources.id,
        set: fromExcluded(sources, ['title', 'publisher', 'author', 'publishedOn']),
      });

    await tx
      .insert(organizations)
      .values(
        reportedOrganizations.map((o) => ({
          id: reportedOrganizationId(o.key),
          name: o.name,
          type: o.type,
          registrationStatus: 'REGISTERED' as const,
          industry: o.industry,
          industryInferred: o.industryInferred,
          legalPersonId: o.legalPerson ? reportedOrganizationId(o.legalPerson) : null,
          provenanceKind: 'REPORTED' as const,
          sourceId: reportedSourceId(o.source),
        })),
      )
      .onConflictDoUpdate({
        target: organizations.id,
        set: fromExcluded(organizations, ['name', 'type', 'industry', 'industryInferred', 'legalPersonId', 'sourceId']),
      });

    await tx
      .insert(projects)
      .values(
        reportedProjects.map((p) => ({
          id: reportedProjectId(p.key),
          name: p.name,
          organizationId: reportedOrganizationId(p.organization),
          category: p.category,
          fundingChannel: p.fundingChannel,
          status: p.status,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          budget: p.budget,
          provenanceKind: 'REPORTED' as const,
          sourceId: reportedSourceId(p.source),
        })),
      )
      .onConflictDoUpdate({
        target: projects.id,
        set: fromExcluded(projects, [
          'name',
          'organizationId',
          'category',
          'fundingChannel',
          'status',
          'startsOn',
          'endsOn',
          'budget',
          'sourceId',
        ]),
      });

    await tx
      .insert(donations)
      .values(
        reportedDonations.map((d) => ({
          id: reportedDonationId(d.key),
          donorId: d.donor ? reportedOrganizationId(d.donor) : null,
          donorName: d.donorName ?? reportedOrganizations.find((o) => o.key === d.donor)!.name,
          purpose: 'EPIDEMIC_RESPONSE' as const,
          status: d.status,
          deliveredOn: d.deliveredOn,
          cash: d.cash,
          inKind: d.cash === null ? null : sql`${d.total}::numeric - ${d.cash}::numeric`,
          total: d.total,
          delivered: d.total,
          inKindDescription: d.inKindDescription,
          provenanceKind: 'REPORTED' as const,
          sourceId: reportedSourceId(d.source),
        })),
      )
      .onConflictDoUpdate({
        target: donations.id,
        set: fromExcluded(donations, [
          'donorName',
          'status',
          'deliveredOn',
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
          id: reportedMetricId(m.key),
          indicatorCode: m.indicator,
          scope: m.organization
            ? ('ORGANIZATION' as const)
            : m.regionCode
              ? ('REGION' as const)
              : ('NATIONAL' as const),
          organizationId: m.organization ? reportedOrganizationId(m.organization) : null,
          regionCode: m.regionCode,
          periodStart: m.periodStart,
          periodEnd: m.periodEnd,
          value: m.value,
          valueQualifier: m.valueQualifier,
          target: m.target,
          provenanceKind: 'REPORTED' as const,
          sourceId: reportedSourceId(m.source),
        })),
      )
      .onConflictDoUpdate({
        target: governanceMetrics.id,
        set: fromExcluded(governanceMetrics, ['periodStart', 'value', 'valueQualifier', 'target', 'sourceId']),
      });
  });
}
