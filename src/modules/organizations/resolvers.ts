import { donations, governanceMetrics, organizations, projects, trainingSessions } from '../../db/schema';
import type {
  EvaluationGrade,
  OrganizationDimension,
  OrganizationResolvers,
  OrganizationType,
  QueryResolvers,
  RegistrationStatus,
} from '../../generated/graphql';
import { summaryOf } from '../donations/loaders';
import { DONATION_FIELD_COLUMNS } from '../donations/mappers';
import { GOVERNANCE_METRIC_FIELD_COLUMNS } from '../governance/mappers';
import { toGlobalId } from '../node/global-id';
import { childConnection, rootConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { PROJECT_FIELD_COLUMNS } from '../projects/mappers';
import { TRAINING_SESSION_FIELD_COLUMNS } from '../training-sessions/mappers';
import { industryBasis } from './industry-basis';
import { organizationLookup } from './lookup';
import {
  ORGANIZATIONS,
  ORGANIZATION_DONATIONS_GIVEN,
  ORGANIZATION_DONATIONS_RECEIVED,
  ORGANIZATION_GOVERNANCE_METRICS,
  ORGANIZATION_PROJECTS,
  ORGANIZATION_TRAINING_SESSIONS,
} from './lists';
import { ORGANIZATION_FIELD_COLUMNS } from './mappers';
import { groupOrganizations, organizationConditions } from './store';
import { ORGANIZATION_TYPE_NAMES } from './type-names';
import { EVALUATION_GRADE_NAMES, REGISTRATION_STATUS_NAMES } from './value-names';
import type { RegionDirectory } from '../regions/directory';
import { provenanceCounts } from '../statistics/provenance-counts';
import { groupOrganizationRollups } from '../statistics/store';

export const Query: QueryResolvers = {
  organization: (_root, args, ctx) => {
    const key = organizationLookup(args);
    return 'id' in key
      ? ctx.loaders.organizationById.load(key.id)
      : ctx.loaders.organizationByCreditCode.load(key.creditCode);
  },
  organizations: (_root, args, ctx, info) =>
    rootConnection(
      ctx.db,
      ORGANIZATIONS(args, ctx.regions),
      selectedColumns(info, organizations, ORGANIZATION_FIELD_COLUMNS),
    ),
  organizationStats: async (_root, { groupBy, filter }, ctx) => {
    const conditions = organizationConditions(filter, ctx.regions);
    const found =
      (await groupOrganizationRollups(ctx.db, groupBy, filter)) ??
      (await groupOrganizations(ctx.db, groupBy, conditions));
    return found.map((g) => ({
      key: g.key,
      label: g.key === null ? null : organizationGroupLabel(groupBy, g.key, ctx.regions),
      organizationCount: g.organizationCount,
      provenanceCounts: provenanceCounts(g),
    }));
  },
};

/** The readable name of a group's key. */
function organizationGroupLabel(by: OrganizationDimension, key: string, regions: RegionDirectory): string | null {
  switch (by) {
    case 'TYPE':
      return ORGANIZATION_TYPE_NAMES[key as OrganizationType];
    case 'REGISTRATION_STATUS':
      return REGISTRATION_STATUS_NAMES[key as RegistrationStatus];
    case 'EVALUATION_GRADE':
      return EVALUATION_GRADE_NAMES[key as EvaluationGrade];
    case 'PROVINCE':
      return regions.get(key)?.name ?? null;
  }
}

export const Organization: OrganizationResolvers = {
  id: (o) => toGlobalId('Organization', o.id),
  region: (o, _args, ctx) => ctx.regions.get(o.regionCode),
  incubator: (o, _args, ctx) => (o.incubatorId ? ctx.loaders.organizationById.load(o.incubatorId) : null),
  industryBasis: (o) => industryBasis(o),
  legalPerson: (o, _args, ctx) => (o.legalPersonId ? ctx.loaders.organizationById.load(o.legalPersonId) : null),
  isBranch: (o) => o.legalPersonId !== null,
  provenance: (o) => o,
  projects: (o, args, ctx, info) =>
    childConnection(ctx, ORGANIZATION_PROJECTS, o.id, args, selectedColumns(info, projects, PROJECT_FIELD_COLUMNS)),
  donationsGiven: (o, args, ctx, info) =>
    childConnection(
      ctx,
      ORGANIZATION_DONATIONS_GIVEN,
      o.id,
      args,
      selectedColumns(info, donations, DONATION_FIELD_COLUMNS),
    ),
  donationsReceived: (o, args, ctx, info) =>
    childConnection(
      ctx,
      ORGANIZATION_DONATIONS_RECEIVED,
      o.id,
      args,
      selectedColumns(info, donations, DONATION_FIELD_COLUMNS),
    ),
  trainingSessions: (o, args, ctx, info) =>
    childConnection(
      ctx,
      ORGANIZATION_TRAINING_SESSIONS,
      o.id,
      args,
      selectedColumns(info, trainingSessions, TRAINING_SESSION_FIELD_COLUMNS),
    ),
  governanceMetrics: (o, args, ctx, info) =>
    childConnection(
      ctx,
      ORGANIZATION_GOVERNANCE_METRICS,
      o.id,
      args,
      selectedColumns(info, governanceMetrics, GOVERNANCE_METRIC_FIELD_COLUMNS),
    ),
  donationSummary: (o, { direction }, ctx) =>
    summaryOf(
      direction === 'GIVEN' ? ctx.loaders.donationSummaryByDonorId : ctx.loaders.donationSummaryByRecipientId,
      o.id,
    ),
};
