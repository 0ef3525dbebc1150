import { donations, governanceMetrics, organizations, projects, trainingSessions } from '../../db/schema';
import type {
  OrganizationDimension,
  OrganizationGroupResolvers,
  OrganizationResolvers,
  QueryResolvers,
} from '../../generated/graphql';
import { valueLabel, type LabelledKind } from '../labels/value-label';
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
    return found.map((g) => ({ ...g, dimension: groupBy }));
  },
};

/** The named value set each dimension's keys belong to. */
const GROUP_KEY_KINDS: Readonly<Record<OrganizationDimension, LabelledKind>> = {
  TYPE: 'ORGANIZATION_TYPE',
  REGISTRATION_STATUS: 'REGISTRATION_STATUS',
  EVALUATION_GRADE: 'EVALUATION_GRADE',
  PROVINCE: 'PROVINCE',
};

export const OrganizationGroup: OrganizationGroupResolvers = {
  label: (g, { language }, ctx) =>
    g.key === null ? null : valueLabel(GROUP_KEY_KINDS[g.dimension], g.key, language, ctx.regions),
  provenanceCounts: (g) => provenanceCounts(g),
};

export const Organization: OrganizationResolvers = {
  id: (o) => toGlobalId('Organization', o.id),
  nameEn: (o) => o.nameEn ?? o.name,
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
