import type { ProvenanceCountsRow } from '../statistics/provenance-counts';
import type { organizations } from '../../db/schema';
import type { Organization, OrganizationDimension } from '../../generated/graphql';
import type { FieldColumns } from '../pagination/selection';

export type OrganizationRow = typeof organizations.$inferSelect;

/** What each Organization field reads of its row; lists of organizations select only these. */
export const ORGANIZATION_FIELD_COLUMNS: FieldColumns<Organization, OrganizationRow> = {
  id: ['id'],
  name: ['name'],
  nameEn: ['nameEn', 'name'],
  type: ['type'],
  registrationStatus: ['registrationStatus'],
  creditCode: ['creditCode'],
  region: ['regionCode'],
  foundedOn: ['foundedOn'],
  serviceAreas: ['serviceAreas'],
  targetGroups: ['targetGroups'],
  evaluationGrade: ['evaluationGrade'],
  industry: ['industry'],
  industryBasis: ['industry', 'industryInferred'],
  incubator: ['incubatorId'],
  legalPerson: ['legalPersonId'],
  isBranch: ['legalPersonId'],
  provenance: ['provenanceKind', 'sourceId'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  projects: ['id'],
  donationsGiven: ['id'],
  donationsReceived: ['id'],
  trainingSessions: ['id'],
  governanceMetrics: ['id'],
  donationSummary: ['id'],
};

/** One group of `organizationStats`, before its label: the raw key and the counts. */
export interface OrganizationGroupRow extends ProvenanceCountsRow {
  key: string | null;
  organizationCount: number;
}

/** An `organizationStats` group as its resolvers read it: its row and the dimension its label names. */
export interface OrganizationGroupParent extends OrganizationGroupRow {
  dimension: OrganizationDimension;
}
