import { donations, governanceMetrics, projects, trainingSessions } from '../../db/schema';
import { BadUserInputError } from '../../errors';
import type { OrganizationResolvers, QueryResolvers } from '../../generated/graphql';
import { summaryOf } from '../donations/loaders';
import { donationConditions, donationList } from '../donations/store';
import { governanceMetricConditions, governanceMetricList } from '../governance/store';
import { toGlobalId, expectGlobalId } from '../node/global-id';
import { pageWindow } from '../pagination/arguments';
import { childConnection, rootConnection } from '../pagination/lists';
import { projectConditions, projectList } from '../projects/store';
import { trainingSessionConditions, trainingSessionList } from '../training-sessions/store';
import { creditCodeProblem } from './credit-code';
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
  organizations: (_root, args, ctx) =>
    rootConnection(
      ctx.db,
      organizationList(organizationConditions(args.filter, ctx.regions), args.orderBy, pageWindow(args)),
    ),
};

export const Organization: OrganizationResolvers = {
  id: (o) => toGlobalId('Organization', o.id),
  region: (o, _args, ctx) => ctx.regions.get(o.regionCode),
  incubator: (o, _args, ctx) => (o.incubatorId ? ctx.loaders.organizationById.load(o.incubatorId) : null),
  provenance: (o) => o,
  projects: (o, args, ctx) =>
    childConnection(ctx, 'Organization.projects', projects.organizationId, o.id, args, () =>
      projectList(
        projectConditions({ ...args.filter, organizationId: null }, ctx.regions),
        args.orderBy,
        pageWindow(args),
      ),
    ),
  donationsGiven: (o, args, ctx) =>
    childConnection(ctx, 'Organization.donationsGiven', donations.donorId, o.id, args, () =>
      donationList(donationConditions({ ...args.filter, donorId: null }), args.orderBy, pageWindow(args)),
    ),
  donationsReceived: (o, args, ctx) =>
    childConnection(ctx, 'Organization.donationsReceived', donations.recipientId, o.id, args, () =>
      donationList(donationConditions({ ...args.filter, recipientId: null }), args.orderBy, pageWindow(args)),
    ),
  trainingSessions: (o, args, ctx) =>
    childConnection(ctx, 'Organization.trainingSessions', trainingSessions.organizerId, o.id, args, () =>
      trainingSessionList(
        trainingSessionConditions({ ...args.filter, organizerId: null }, ctx.regions),
        args.orderBy,
        pageWindow(args),
      ),
    ),
  governanceMetrics: (o, args, ctx) =>
    childConnection(ctx, 'Organization.governanceMetrics', governanceMetrics.organizationId, o.id, args, () =>
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
