import { eq, sql } from 'drizzle-orm';
import { organizations } from '../../db/schema';
import type { Organization, QueryOrganizationArgs } from '../../generated/graphql';
import {
  column,
  globalId,
  instant,
  list,
  provenance,
  reference,
  type SqlFieldsOf,
  type SqlRootField,
  type SqlType,
} from '../compiled-reads/fields';
import {
  ORGANIZATIONS,
  ORGANIZATION_DONATIONS_GIVEN,
  ORGANIZATION_DONATIONS_RECEIVED,
  ORGANIZATION_GOVERNANCE_METRICS,
  ORGANIZATION_PROJECTS,
  ORGANIZATION_TRAINING_SESSIONS,
} from './lists';
import { industryBasisSql } from './industry-basis';
import { englishName } from '../labels/english-name-field';
import { organizationLookup } from './lookup';
import { ORGANIZATION_FIELD_COLUMNS } from './mappers';

const fields: SqlFieldsOf<Organization> = {
  id: globalId('Organization', organizations.id),
  name: column(organizations.name),
  nameEn: englishName(organizations.nameEn, organizations.name),
  type: column(organizations.type),
  registrationStatus: column(organizations.registrationStatus),
  creditCode: column(organizations.creditCode),
  region: reference('Region', organizations.regionCode),
  foundedOn: column(organizations.foundedOn),
  serviceAreas: column(organizations.serviceAreas),
  targetGroups: column(organizations.targetGroups),
  evaluationGrade: column(organizations.evaluationGrade),
  industry: column(organizations.industry),
  industryBasis: {
    kind: 'value',
    columns: [organizations.industry, organizations.industryInferred],
    json: (row) => industryBasisSql(row.column(organizations.industry), row.column(organizations.industryInferred)),
  },
  incubator: reference('Organization', organizations.incubatorId),
  legalPerson: reference('Organization', organizations.legalPersonId),
  isBranch: {
    kind: 'value',
    columns: [organizations.legalPersonId],
    json: (row) => sql`${row.column(organizations.legalPersonId)} is not null`,
  },
  provenance: provenance(organizations.provenanceKind, organizations.sourceId),
  createdAt: instant(organizations.createdAt),
  updatedAt: instant(organizations.updatedAt),
  projects: list('Project', ORGANIZATION_PROJECTS),
  donationsGiven: list('Donation', ORGANIZATION_DONATIONS_GIVEN),
  donationsReceived: list('Donation', ORGANIZATION_DONATIONS_RECEIVED),
  trainingSessions: list('TrainingSession', ORGANIZATION_TRAINING_SESSIONS),
  governanceMetrics: list('GovernanceMetric', ORGANIZATION_GOVERNANCE_METRICS),
  donationSummary: null,
};

export const ORGANIZATION_SQL: SqlType = {
  table: organizations,
  key: organizations.id,
  fields,
  reads: ORGANIZATION_FIELD_COLUMNS,
};

export const ORGANIZATION_ROOT_SQL: Record<string, SqlRootField> = {
  organizations: { kind: 'list', type: 'Organization', list: ORGANIZATIONS },
  organization: {
    kind: 'lookup',
    type: 'Organization',
    where: (args: QueryOrganizationArgs) => {
      const key = organizationLookup(args);
      return 'id' in key ? eq(organizations.id, key.id) : eq(organizations.creditCode, key.creditCode);
    },
  },
};
