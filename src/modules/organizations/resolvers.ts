import { donations, governanceMetrics, organizations, projects, trainingSessions } from '../../db/schema';
import { BadUserInputError } from '../../errors';
import type { OrganizationResolvers, QueryResolvers } from '../../generated/graphql';
import { summaryOf } from '../donations/loaders';
import { DONATION_FIELD_COLUMNS } from '../donations/mappers';
import { donationConditions, donationList } from '../donations/store';
import { GOVERNANCE_METRIC_FIELD_COLUMNS } from '../governance/mappers';
import { governanceMetricConditions, governanceMetricList } from '../governance/store';
import { toGlobalId, expectGlobalId } from '../node/global-id';
import { pageWindow } from '../pagination/arguments';
import { childConnection, rootConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { PROJECT_FIELD_COLUMNS } from '../projects/mappers';
import { projectConditions, projectList } from '../projects/store';
import { TRAINING_SESSION_FIELD_COLUMNS } from '../training-sessions/mappers';
import { trainingSessionConditions, trainingSessionList } from '../training-sessions/store';
import { creditCodeProblem } from './credit-code';
import { ORGANIZATION_FIELD_COLUMNS } from './mappers';
import { organizationConditions, organizationList } from './store';

export const Query: QueryResolvers = {
  organization: (_root, { id, creditCode }, ctx) => {
    if ((id == null) === (creditCode == null))
      throw new BadUserInputError('id', 'give exactly one of id and creditCode');
    if (id != null) return ctx.loaders.organizationById.load(expectGlobalId(id, 'Organization', 'id'));
    const problem = creditCodeProblem(creditCode!);
    if (problem) throw new BadUserInputError('creditCode', problem);
    return ctx.loaders.organizationByCreditCode.load(creditCode!);
  },
  organizations: (_root, args, ctx, info) =>
    rootConnection(
      ctx.db,
      organizationList(organizationConditions(args.filter, ctx.regions), args.orderBy, pageWindow(args)),
      selectedColumns(info, organizations, ORGANIZATION_FIELD_COLUMNS),
    ),
};

export const Organization: OrganizationResolvers = {
  id: (o) => toGlobalId('Organization', o.id),
  region: (o, _args, ctx) => ctx.regions.get(o.regionCode),
  incubator: (o, _args, ctx) => (o.incubatorId ? ctx.loaders.organizationById.load(o.incubatorId) : null),
  provenance: (o) => o,
  projects: (o, args, ctx, info) =>
    childConnection(
      ctx,
      'Organization.projects',
      projects.organizationId,
      o.id,
      args,
      selectedColumns(info, projects, PROJECT_FIELD_COLUMNS),
      () =>
        projectList(
          projectConditions({ ...args.filter, organizationId: null }, ctx.regions),
          args.orderBy,
          pageWindow(args),
        ),
    ),
  donationsGiven: (o, args, ctx, info) =>
    childConnection(
      ctx,
      'Organization.donationsGiven',
      donations.donorId,
      o.id,
      args,
      selectedColumns(info, donations, DONATION_FIELD_COLUMNS),
      () => donationList(donationConditions({ ...args.filter, donorId: null }), args.orderBy, pageWindow(args)),
    ),
  donationsReceived: (o, args, ctx, info) =>
    childConnection(
      ctx,
      'Organization.donationsReceived',
      donations.recipientId,
      o.id,
      args,
      selectedColumns(info, donations, DONATION_FIELD_COLUMNS),
      () => donationList(donationConditions({ ...args.filter, recipientId: null }), args.orderBy, pageWindow(args)),
    ),
  trainingSessions: (o, args, ctx, info) =>
    childConnection(
      ctx,
      'Organization.trainingSessions',
      trainingSessions.organizerId,
      o.id,
      args,
      selectedColumns(info, trainingSessions, TRAINING_SESSION_FIELD_COLUMNS),
      () =>
        trainingSessionList(
          trainingSessionConditions({ ...args.filter, organizerId: null }, ctx.regions),
          args.orderBy,
          pageWindow(args),
        ),
    ),
  governanceMetrics: (o, args, ctx, info) =>
    childConnection(
      ctx,
      'Organization.governanceMetrics',
      governanceMetrics.organizationId,
      o.id,
      args,
      selectedColumns(info, governanceMetrics, GOVERNANCE_METRIC_FIELD_COLUMNS),
      () =>
        governanceMetricList(
          governanceMetricConditions({ ...args.filter, organizationId: null }, ctx.regions),
          args.orderBy,
          pageWindow(args),
        ),
    ),
  donationSummary: (o, { direction }, ctx) =>
    summaryOf(
      direction === 'GIVEN' ? ctx.loaders.donationSummaryByDonorId : ctx.loaders.donationSummaryByRecipientId,
      o.id,
    ),
};
